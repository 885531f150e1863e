/* prototypes.c: each declaration keeps its own parameter names, even when
 * a prototype's names differ from the definition's (here a parameter of
 * the prototype shadows the typedef T, which the definition uses). */
#include <stdio.h>

typedef int T;
int last(int T, int a[T]);
void apply(int (T));
int (*pick(int which))(double value);

int last(int n, int a[n])
{
    return a[n - 1];
}

void apply(int (q)(T))
{
    printf("apply: %d\n", q(7));
}

static int twice(T t) { return 2 * t; }
static int truncate_it(double z) { return (int)z; }

int (*pick(int which))(double value)
{
    (void)which;
    return truncate_it;
}

int main(void)
{
    int a[3] = {4, 5, 6};
    apply(twice);
    printf("last: %d, picked: %d\n", last(3, a), pick(0)(2.75));
    return 0;
}
