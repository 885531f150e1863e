/* cotan: grad -f network_energy */
/* springs_network.c: a mass-spring network, two arrays of structs: nodes
 * (positions) and springs whose int fields (the two end nodes) index the
 * nodes while their double fields (stiffness, rest length) are parameters;
 * the potential energy plus gravity on the node masses. */
#include <math.h>

typedef struct {
  double x, y;
  double mass;
} Node;

typedef struct {
  int a, b;    /* the end nodes */
  double k;    /* stiffness */
  double rest; /* rest length */
} Spring;

static double spring_length(const Node *p, const Node *q) {
  return hypot(q->x - p->x, q->y - p->y);
}

double network_energy(const Node *nodes, int nn, const Spring *springs, int ns, double gravity) {
  double e = 0.0;
  for (int s = 0; s < ns; s++) {
    const Spring *sp = &springs[s];
    double stretch = spring_length(&nodes[sp->a], &nodes[sp->b]) - sp->rest;
    e += 0.5 * sp->k * stretch * stretch;
  }
  for (int i = 0; i < nn; i++)
    e += gravity * nodes[i].mass * nodes[i].y;
  return e;
}

#ifdef COTAN_TEST
#include "check.h"
double network_energy_grad(const Node *nodes, Node *d_nodes, int nn, const Spring *springs, Spring *d_springs, int ns, double gravity, double *d_gravity);

#define NN 4
#define NS 5
static Node nodes[NN], d_nodes[NN];
static Spring springs[NS], d_springs[NS];
static const int ends[NS][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}};
static double gravity, d_gravity;
static double f(void) { return network_energy(nodes, NN, springs, NS, gravity); }
static double g(void) { return network_energy_grad(nodes, d_nodes, NN, springs, d_springs, NS, gravity, &d_gravity); }

int main(void) {
  for (int p = 0; p < 3; p++) {
    for (int i = 0; i < NN; i++) {
      nodes[i].x = (i == 1 || i == 2) + check_rand(-0.2, 0.2);
      nodes[i].y = (i >= 2) + check_rand(-0.2, 0.2);
      nodes[i].mass = check_rand(0.5, 2);
    }
    for (int s = 0; s < NS; s++) {
      springs[s].a = d_springs[s].a = ends[s][0]; /* the shadow is a copy of the struct */
      springs[s].b = d_springs[s].b = ends[s][1];
      springs[s].k = check_rand(1, 10);
      springs[s].rest = check_rand(0.8, 1.3);
    }
    gravity = check_rand(5, 10);
    check_begin("springs_network", f, g);
    for (int i = 0; i < NN; i++) CHECK_STRUCT(nodes[i], d_nodes[i]);
    for (int s = 0; s < NS; s++) {
      CHECK_SCALAR(springs[s].k, d_springs[s].k);
      CHECK_SCALAR(springs[s].rest, d_springs[s].rest);
    }
    CHECK_SCALAR(gravity, d_gravity);
    check_run();
  }
  return check_done();
}
#endif
