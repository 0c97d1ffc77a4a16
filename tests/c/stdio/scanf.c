/* The scanf family's entry points; conversions are checked against glibc
 * by tests/scanf_diff.rs. fscanf leaves the character that ended a field
 * unread. */
#include "test.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int my_vsscanf(const char *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsscanf(s, fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  int a = 0, b = 0;
  double d = 0;
  char word[16];
  CHECK_EQ(sscanf("12 abc 2.5", "%d %15s %lf", &a, word, &d), 3);
  CHECK_EQ(a, 12);
  CHECK_STR(word, "abc");
  CHECK(d == 2.5);
  CHECK_EQ(my_vsscanf("7,8", "%d,%d", &a, &b), 2);
  CHECK_EQ(a + b, 15);
  CHECK_EQ(sscanf("", "%d", &a), EOF);
  CHECK_EQ(sscanf("x", "%d", &a), 0);

  /* Through a stream: the delimiter stays for the next read. */
  FILE *f = tmpfile();
  fputs("123abc 4.5e1;rest of line\nnext", f);
  rewind(f);
  CHECK_EQ(fscanf(f, "%d", &a), 1);
  CHECK_EQ(a, 123);
  CHECK_EQ(fgetc(f), 'a');
  CHECK_EQ(fscanf(f, "%*s %lf", &d), 1);
  CHECK(d == 45.0);
  CHECK_EQ(fgetc(f), ';');
  char *line = NULL;
  CHECK_EQ(fscanf(f, "%m[^\n]", &line), 1);
  CHECK_STR(line, "rest of line");
  free(line);
  CHECK_EQ(fscanf(f, " %15s", word), 1);
  CHECK_STR(word, "next");
  CHECK_EQ(fscanf(f, "%d", &a), EOF);
  fclose(f);

  /* Many pointers, some passed on the stack. */
  int v[8];
  CHECK_EQ(sscanf("1 2 3 4 5 6 7 8", "%d %d %d %d %d %d %d %d", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]), 8);
  CHECK_EQ(v[7], 8);
  CHECK_EQ(sscanf("5 6", "%2$d %1$d", &a, &b), 2);
  CHECK_EQ(a, 6);
  return test_summary();
}
