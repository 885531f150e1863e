/* static_a.c and static_b.c each define their own static sq(): compiled
 * apart that is fine, read as one program it is a redefinition. */
static double sq(double x) { return x * x; }

double energy(double x) { return sq(x) / 2; }
