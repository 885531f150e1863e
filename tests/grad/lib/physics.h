/* lib/physics.h: force laws for multi_physics.c (a two-file program). */
#ifndef PHYSICS_H
#define PHYSICS_H

struct spring_params {
  double k;    /* stiffness */
  double rest; /* rest length */
  double c;    /* damping */
};

static inline double sq(double x) { return x * x; }

/* The force along the spring on its far end, for extension rate v. */
double spring_force(const struct spring_params *sp, double length, double v);

/* Quadratic air drag on a velocity component. */
double drag_force(double v, double speed, double cd);

/* Kinetic plus spring energy of a chain of n unit masses. */
double chain_energy(const double *x, const double *v, int n, const struct spring_params *sp);

#endif
