static double sq(double v) { return v * v; }

double loss(double x) { return sq(x - 1); }
