/* An integer parameter cannot be differentiated. */
double f(double x, int n) { return x * n; }
