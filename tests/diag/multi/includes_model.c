#include "model.c"

double loss2(const struct params *p, double x) { return model(p, x) * model(p, x); }
