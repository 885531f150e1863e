/* cotan: grad -f swarm_spread --wrt s */
/* soa_swarm.c: a struct of arrays (positions and weights of a swarm, each an
 * array member), read through a const pointer: the weighted spread of the
 * swarm around its weighted centroid, with softmax-normalised weights. */
#include <math.h>

#define NS 6

struct swarm {
  double x[NS];
  double y[NS];
  double logit[NS]; /* unnormalised log weights */
  int count;        /* how many entries are in use */
};

double swarm_spread(const struct swarm *s) {
  double w[NS], m = s->logit[0], z = 0.0;
  for (int i = 1; i < s->count; i++)
    if (s->logit[i] > m) m = s->logit[i];
  for (int i = 0; i < s->count; i++) {
    w[i] = exp(s->logit[i] - m);
    z += w[i];
  }
  double cx = 0.0, cy = 0.0;
  for (int i = 0; i < s->count; i++) {
    w[i] /= z;
    cx += w[i] * s->x[i];
    cy += w[i] * s->y[i];
  }
  double spread = 0.0;
  for (int i = 0; i < s->count; i++)
    spread += w[i] * ((s->x[i] - cx) * (s->x[i] - cx) + (s->y[i] - cy) * (s->y[i] - cy));
  return sqrt(spread);
}

#ifdef COTAN_TEST
#include "check.h"
double swarm_spread_grad(const struct swarm *s, struct swarm *d_s);

static struct swarm s, d_s;
static double f(void) { return swarm_spread(&s); }
static double g(void) { return swarm_spread_grad(&s, &d_s); }

int main(void) {
  for (int p = 0; p < 4; p++) {
    s.count = d_s.count = NS - p % 2;
    check_fill(s.x, NS, -2, 2);
    check_fill(s.y, NS, -2, 2);
    check_fill(s.logit, NS, -1, 1);
    check_begin("soa_swarm", f, g);
    CHECK_ARG(s.x, d_s.x, NS);
    CHECK_ARG(s.y, d_s.y, NS);
    CHECK_ARG(s.logit, d_s.logit, NS);
    check_run();
  }
  return check_done();
}
#endif
