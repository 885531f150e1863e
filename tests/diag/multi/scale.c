#include <math.h>
#include "guarded.h"

double scale(double x) { return tanh(x); }
