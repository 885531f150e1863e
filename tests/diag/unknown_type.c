#include <stddef.h>

static vector3 origin;

int main(void) { return 0; }
