/* comments.c: comments in many places and blank lines between things,
 * which the printer is expected to keep. */

// A line comment before the includes.
#include <stdio.h> /* trailing comment on an include */

/*
 * A block comment
 * spanning several lines.
 */

// The answer, as a constant.
static const int answer = 42; // trailing line comment

/* A struct with commented members. */
struct pair {
  int first;  /* the first */
  int second; // the second

  // a member after a blank line
  double weight;
};


/* Two blank lines above this function. */
static int add(int a, /* inline comment in parameters */ int b) {
  // comment at the start of a body
  int sum = a + b; /* after a statement */

  /* a comment before a return, after a blank line */
  return sum;
  // a comment at the end of a body
}

int main(void) {
  struct pair p = {1, 2, 0.5}; // trailing
  /* comment between statements */
  if (p.first < p.second) { // comment after a brace
    p.first = add(p.first, p.second);
  } else {
    // only a comment in this branch
  }
  for (int i = 0; i < 3; i++) /* comment before a loop body */
    p.second += i;

  switch (p.second) {
  // a comment before a case label
  case 5:
    printf("five\n");
    break;
  default: /* default comment */
    printf("other %d\n", p.second);
  }
  printf("%d %d %g %d\n", p.first, p.second, p.weight, answer /* inside an expression */);
  return 0; /* done */
}
/* A comment at the very end of the file. */
