#ifndef GUARDED_H
#define GUARDED_H
struct params {
  double a, b;
};

double model(const struct params *p, double x);
double scale(double x);
#endif
