/* -f names a function that is not defined in the file. */
double f(double x) { return x * x; }
