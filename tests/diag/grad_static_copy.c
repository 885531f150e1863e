/* a static the output copies, assigned by a function the output does not have */
static double scale = 1.0;
void set_scale(double s) { scale = s; }
double f(double x) { return scale * x * x; }
