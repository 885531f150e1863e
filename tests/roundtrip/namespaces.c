/* namespaces.c: C's separate name spaces and scopes: a tag, a typedef, a
 * member, a label and a variable all spelled the same; typedef names
 * redeclared as parameters and in inner scopes; repeated typedefs; enum
 * constants shadowed; prototype scope. */
#include <stdio.h>

typedef struct node node; /* tag and typedef with one name */
struct node {
  int node; /* a member named like the tag */
  node *next;
};
typedef struct node node; /* C11 6.7p3: a typedef may be redefined to the same type */

typedef int T;
typedef double U;
enum color { RED, GREEN, BLUE };

static int f(T T) { return T + 1; } /* the parameter T hides the typedef */
static int g(int U, T x) { return U * x; }
static double h(U x) { return x / 2; }
static int proto(int T, int array[T]); /* prototype scope: T is the parameter here */
static int proto(int T, int array[T]) { return array[T - 1]; }

static int count_nodes(const node *node) {
  int n = 0;
  for (; node; node = node->next) n++;
  return n;
}

int main(void) {
  node c = {3, NULL}, b = {2, &c}, a = {.node = 1, .next = &b};
  int node = count_nodes(&a);
  printf("nodes: %d %d %d\n", node, a.node, a.next->next->node);
  printf("params: %d %d %g\n", f(41), g(6, 7), h(5));
  int arr[] = {5, 6, 7};
  printf("proto: %d\n", proto(3, arr));
  {
    typedef char T; /* a block-scope typedef hides the outer one */
    T small = 'x';
    printf("inner T: %zu %c\n", sizeof(T), small);
    {
      int T = 3; /* and an object hides that */
      printf("object T: %d\n", T * T);
    }
    T again = 'y';
    printf("again: %c\n", again);
  }
  T outer = 10;
  printf("outer T: %zu %d\n", sizeof(T), outer);
  {
    int RED = 42; /* hides the enum constant */
    printf("RED: %d %d\n", RED, GREEN);
  }
  enum color col = BLUE;
  printf("color: %d\n", col);
  int label = 0;
label:
  if (++label < 3) goto label;
  printf("label: %d\n", label);
  struct T {
    T T; /* typedef T as the type, T as the member name, T as the tag */
  } st = {7};
  printf("struct T: %d\n", st.T);
  U(U) = 2.5; /* parenthesised declarator: declares U as double */
  printf("U: %g\n", U);
  T(*fp)(T) = f;
  printf("fp: %d %d\n", fp(1), (*fp)(2));
  int(x) = 4, (y)[2] = {1, 2}, *(z) = &x;
  printf("paren decls: %d %d %d\n", x, y[1], *z);
  return 0;
}
