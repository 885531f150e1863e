/* A call through a function pointer on the active path. */
typedef double (*unary_fn)(double);

double apply(unary_fn g, double x) { return g(x) * 2; }
