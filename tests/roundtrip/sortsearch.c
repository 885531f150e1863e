/* sortsearch.c: qsort and bsearch with comparison callbacks over
 * integers, strings and structs, and a stable insertion sort. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
  const char *name;
  int age;
  double score;
};

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_person(const void *a, const void *b) {
  const struct person *p = a, *q = b;
  if (p->age != q->age)
    return p->age - q->age;
  return strcmp(p->name, q->name);
}

static void insertion_sort(double *v, int n) {
  for (int i = 1; i < n; i++) {
    double key = v[i];
    int j = i - 1;
    while (j >= 0 && v[j] > key) {
      v[j + 1] = v[j];
      j--;
    }
    v[j + 1] = key;
  }
}

int main(void) {
  int nums[16];
  unsigned s = 7;
  for (int i = 0; i < 16; i++) {
    s = s * 1664525u + 1013904223u;
    nums[i] = (int)(s >> 24) - 128;
  }
  qsort(nums, 16, sizeof nums[0], cmp_int);
  for (int i = 0; i < 16; i++)
    printf("%d%c", nums[i], i == 15 ? '\n' : ' ');
  int key = nums[9];
  int *hit = bsearch(&key, nums, 16, sizeof(int), cmp_int);
  printf("found %d at %d\n", key, hit ? (int)(hit - nums) : -1);

  const char *words[] = {"pear", "apple", "fig", "banana", "cherry"};
  qsort(words, 5, sizeof words[0], cmp_str);
  const char *want = "fig";
  const char **w = bsearch(&want, words, 5, sizeof words[0], cmp_str);
  printf("%s %s %s %s %s; fig at %d\n", words[0], words[1], words[2], words[3], words[4],
         w ? (int)(w - words) : -1);

  struct person people[] = {{"eve", 30, 1.5}, {"bob", 25, 2.5}, {"amy", 30, 0.5}, {"dan", 25, 3.0}};
  qsort(people, 4, sizeof *people, cmp_person);
  for (int i = 0; i < 4; i++)
    printf("%s(%d,%.1f) ", people[i].name, people[i].age, people[i].score);
  printf("\n");
  double v[] = {3.5, -1, 2.25, 9, 0, -7.5};
  insertion_sort(v, 6);
  for (int i = 0; i < 6; i++)
    printf("%g ", v[i]);
  printf("\n");
  return 0;
}
