struct point {
  double x, y;
};

double norm1(struct point p) { return p.x + p.z; }
