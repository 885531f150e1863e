double area(double r);

int area(double r) { return (int)(r * r); }
