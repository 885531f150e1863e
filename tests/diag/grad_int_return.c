/* cotan grad needs a function returning double or float. */
int f(double x) { return x > 0; }
