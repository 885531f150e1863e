/* a --wrt global that a callee assigns */
double theta = 0.5;
static void sq(void) { theta = theta * theta; }
double f(void) { sq(); return theta; }
