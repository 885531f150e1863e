#define PRECISION 3
#if PRECISION > 2
#error "precision above 2 is not supported"
#endif
int main(void) { return 0; }
