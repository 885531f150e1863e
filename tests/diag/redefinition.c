static int limit(void) { return 10; }

static int limit(void) { return 20; }

int main(void) { return limit(); }
