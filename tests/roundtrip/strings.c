/* strings.c: character and string handling: escapes of every kind,
 * concatenation, char arithmetic, ctype, and a small tokenizer. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static void show_escaped(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (isprint(c) && c != '\\' && c != '"')
      putchar(c);
    else
      printf("\\x%02x", c);
  }
  putchar('\n');
}

static int words(const char *s) {
  int n = 0, in = 0;
  for (; *s; s++) {
    if (isspace((unsigned char)*s))
      in = 0;
    else if (!in) {
      in = 1;
      n++;
    }
  }
  return n;
}

static void reverse(char *s) {
  for (size_t i = 0, j = strlen(s); i + 1 < j; i++, j--) {
    char t = s[i];
    s[i] = s[j - 1];
    s[j - 1] = t;
  }
}

int main(void) {
  const char esc[] = "tab\there\nnl \"quoted\" back\\slash \x41\101\0hidden\a\b\f\v\r\?\'";
  show_escaped(esc, sizeof esc - 1);
  printf("sizeof esc=%zu strlen=%zu\n", sizeof esc, strlen(esc));
  const char *joined = "con" "cat"
                       "enated";
  printf("%s\n", joined);
  char chars[] = {'a', '\n', '\'', '\\', '\0', '\x7f', '\177', 'z'};
  for (size_t i = 0; i < sizeof chars; i++)
    printf("%d ", chars[i]);
  printf("\n");
  char buf[64];
  strcpy(buf, "Hello, World");
  reverse(buf);
  for (char *p = buf; *p; p++)
    *p = (char)(islower((unsigned char)*p) ? toupper((unsigned char)*p) : tolower((unsigned char)*p));
  printf("%s words=%d\n", buf, words("  the quick\tbrown  fox\n"));
  char line[] = "a=1;b=22;;c=333";
  for (char *tok = strtok(line, ";"); tok; tok = strtok(NULL, ";"))
    printf("[%s]", tok);
  printf("\n%c%c %d\n", 'A' + 2, "xyz"[1], 'z' - 'a');
  printf("wide size=%zu u8=%s\n", sizeof(L"ab") / sizeof(L'a'), u8"utf8");
  return 0;
}
