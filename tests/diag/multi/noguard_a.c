#include "noguard.h"

double model(const struct params *p, double x) { return p->a * x + p->b; }
