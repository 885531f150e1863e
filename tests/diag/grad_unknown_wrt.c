/* --wrt names something that is not a parameter of f. */
double f(double x, double y) { return x * y; }
