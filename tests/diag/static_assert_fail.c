_Static_assert(sizeof(char) == 2, "char must be two bytes");

int main(void) { return 0; }
