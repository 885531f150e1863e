int main(void) {
  return 0; /* the comment never ends
}
