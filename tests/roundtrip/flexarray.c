/* flexarray.c: a growable vector with a flexible array member,
 * malloc/realloc/free, memcpy, memmove and memset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  size_t len, cap;
  double data[];
} DVec;

static DVec *dvec_new(size_t cap) {
  DVec *v = malloc(sizeof(DVec) + cap * sizeof(double));
  if (!v)
    exit(1);
  v->len = 0;
  v->cap = cap;
  memset(v->data, 0, cap * sizeof v->data[0]);
  return v;
}

static DVec *dvec_push(DVec *v, double x) {
  if (v->len == v->cap) {
    size_t cap = v->cap * 2 + 1;
    DVec *grown = realloc(v, sizeof(DVec) + cap * sizeof(double));
    if (!grown) {
      free(v);
      exit(1);
    }
    v = grown;
    v->cap = cap;
  }
  v->data[v->len++] = x;
  return v;
}

struct message {
  int id;
  char text[];
};

int main(void) {
  DVec *v = dvec_new(1);
  for (int i = 0; i < 20; i++)
    v = dvec_push(v, i * 1.5 - 3);
  printf("len=%zu cap=%zu\n", v->len, v->cap);
  memmove(v->data + 1, v->data, 5 * sizeof(double));
  double sum = 0;
  for (size_t i = 0; i < v->len; i++)
    sum += v->data[i];
  printf("sum=%.17g first=%g %g %g\n", sum, v->data[0], v->data[1], v->data[2]);
  free(v);

  const char *hello = "hello, flexible world";
  struct message *m = malloc(sizeof *m + strlen(hello) + 1);
  m->id = 7;
  memcpy(m->text, hello, strlen(hello) + 1);
  printf("%d: %s (%zu)\n", m->id, m->text, strlen(m->text));
  free(m);
  return 0;
}
