struct opaque;

int main(void) {
  struct opaque o;
  return (int)sizeof o;
}
