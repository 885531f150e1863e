/* macro_names.c: names the user wrote through one-token macros survive
 * printing: array sizes, constants from system headers, `bool`, a type
 * macro, a macro defined inside a function body.
 * keeps: N_POINTS real bool M_PI EXIT_SUCCESS RAND_MAX INT_MAX true SCALE _DEFAULT_SOURCE */
#define _DEFAULT_SOURCE /* M_PI is not strict C11 */
#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define N_POINTS 5
#define real double

static bool inside(real x, real y)
{
    return x * x + y * y <= 1.0;
}

int main(void)
{
    real xs[N_POINTS], ys[N_POINTS];
    unsigned seed = 12345u;
    int hits = 0;
    for (int i = 0; i < N_POINTS; i++) {
        seed = seed * 1103515245u + 12345u;
        xs[i] = (double)(seed % RAND_MAX) / RAND_MAX;
        seed = seed * 1103515245u + 12345u;
        ys[i] = (double)(seed % 1000u) / 1000.0;
        if (inside(xs[i], ys[i]) == true)
            hits++;
    }
#define SCALE 4
    printf("pi ~ %.3f (M_PI = %.5f), %d of %d, INT_MAX %d\n",
           SCALE * (double)hits / N_POINTS, M_PI, hits, N_POINTS, INT_MAX);
    return EXIT_SUCCESS;
}
