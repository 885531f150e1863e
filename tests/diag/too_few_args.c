static double hypot2(double x, double y) { return x * x + y * y; }

int main(void) { return (int)hypot2(2.0); }
