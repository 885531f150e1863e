/* GNU vector types are refused in the user's code, not mistyped as scalars. */
typedef double v4d __attribute__((vector_size(32)));

int main(void) {
  v4d a = {1, 2, 3, 4};
  return (int)a[0];
}
