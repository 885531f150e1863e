/* cotan: grad -f sir_loss --wrt par,init */
/* sir_fit.c: fitting an epidemic model.  The SIR rates are a struct passed
 * by value, the initial compartments (people) a struct by pointer; RK2
 * steps of the ODE (in fractions of the population) per day, and a Poisson
 * negative log-likelihood of the daily case counts (new infections). */
#include <math.h>

struct sir_rates {
  double log_beta;  /* infection rate, log scale */
  double log_gamma; /* recovery rate, log scale */
};

struct compartments {
  double s, i, r; /* people */
};

static void deriv(double beta, double gamma, const struct compartments *c, struct compartments *d) {
  double inf = beta * c->s * c->i;
  d->s = -inf;
  d->i = inf - gamma * c->i;
  d->r = gamma * c->i;
}

double sir_loss(struct sir_rates par, const struct compartments *init, const double *cases,
                int days, double population) {
  double beta = exp(par.log_beta), gamma = exp(par.log_gamma);
  struct compartments c = {init->s / population, init->i / population, init->r / population};
  struct compartments k1, k2, mid;
  const int sub = 4;
  const double h = 1.0 / sub;
  double nll = 0.0;
  for (int day = 0; day < days; day++) {
    double s_before = c.s;
    for (int k = 0; k < sub; k++) {
      deriv(beta, gamma, &c, &k1);
      mid.s = c.s + h * k1.s;
      mid.i = c.i + h * k1.i;
      mid.r = c.r + h * k1.r;
      deriv(beta, gamma, &mid, &k2);
      c.s += 0.5 * h * (k1.s + k2.s);
      c.i += 0.5 * h * (k1.i + k2.i);
      c.r += 0.5 * h * (k1.r + k2.r);
    }
    double lambda = population * (s_before - c.s); /* expected new cases */
    nll += lambda - cases[day] * log(lambda);
  }
  return nll;
}

#ifdef COTAN_TEST
#include "check.h"
double sir_loss_grad(struct sir_rates par, struct sir_rates *d_par, const struct compartments *init, struct compartments *d_init, const double *cases, int days, double population);

#define DAYS 10
static struct sir_rates par, d_par;
static struct compartments init, d_init;
static double cases[DAYS];
static double f(void) { return sir_loss(par, &init, cases, DAYS, 1e4); }
static double g(void) { return sir_loss_grad(par, &d_par, &init, &d_init, cases, DAYS, 1e4); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    par.log_beta = log(check_rand(0.3, 0.6));
    par.log_gamma = log(check_rand(0.1, 0.2));
    init.i = check_rand(50, 200);
    init.r = check_rand(0, 50);
    init.s = 1e4 - init.i - init.r;
    for (int d = 0; d < DAYS; d++) cases[d] = floor(50 * exp(0.2 * d) * check_rand(0.8, 1.2));
    check_begin("sir_fit", f, g);
    CHECK_STRUCT(par, d_par);
    CHECK_STRUCT(init, d_init);
    check_run();
  }
  return check_done();
}
#endif
