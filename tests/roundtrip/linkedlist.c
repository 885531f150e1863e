/* linkedlist.c: a singly linked list and a binary search tree with
 * self-referential structs, recursion and freeing everything. */
#include <stdio.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

typedef struct tree Tree;
struct tree {
  double key;
  int count;
  Tree *left, *right;
};

static struct node *push(struct node *head, int v) {
  struct node *n = malloc(sizeof *n);
  n->value = v;
  n->next = head;
  return n;
}

static struct node *reverse(struct node *head) {
  struct node *prev = NULL;
  while (head) {
    struct node *next = head->next;
    head->next = prev;
    prev = head;
    head = next;
  }
  return prev;
}

static void free_list(struct node *head) {
  while (head) {
    struct node *next = head->next;
    free(head);
    head = next;
  }
}

static Tree *insert(Tree *t, double key) {
  if (!t) {
    t = calloc(1, sizeof(Tree));
    t->key = key;
    t->count = 1;
  } else if (key < t->key)
    t->left = insert(t->left, key);
  else if (key > t->key)
    t->right = insert(t->right, key);
  else
    t->count++;
  return t;
}

static void inorder(const Tree *t) {
  if (!t)
    return;
  inorder(t->left);
  printf("%g%s ", t->key, t->count > 1 ? "*" : "");
  inorder(t->right);
}

static int height(const Tree *t) {
  if (t == NULL)
    return 0;
  int l = height(t->left), r = height(t->right);
  return 1 + (l > r ? l : r);
}

static void free_tree(Tree *t) {
  if (!t)
    return;
  free_tree(t->left);
  free_tree(t->right);
  free(t);
}

int main(void) {
  struct node *list = NULL;
  for (int i = 1; i <= 6; i++)
    list = push(list, i * i);
  list = reverse(list);
  for (const struct node *n = list; n; n = n->next)
    printf("%d -> ", n->value);
  printf("nil\n");
  free_list(list);
  Tree *root = NULL;
  const double keys[] = {5, 3, 8, 1, 4, 7, 9, 3, 2, 6, 8};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    root = insert(root, keys[i]);
  inorder(root);
  printf("\nheight=%d\n", height(root));
  free_tree(root);
  return 0;
}
