/* lib/geom.h: 3-D vector helpers for multi_vjp_normals.c. */
#ifndef GEOM_H
#define GEOM_H

void cross3(const double *a, const double *b, double *out);
double norm3(const double *a);

#endif
