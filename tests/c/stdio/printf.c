/* The printf family's entry points and return values; the conversions
 * themselves are checked against glibc by tests/printf_diff.rs. */
/* Truncation and a broken format are what some checks are about. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-truncation"
#include "test.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int my_vsnprintf(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

/* Many arguments, so some arrive on the stack, floats mixed in. */
static int many(char *buf, size_t n) {
  return snprintf(buf, n, "%d %d %d %d %d %d %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %d %s %Lg", 1, 2, 3, 4, 5, 6, 0.5, 1.5,
                  2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 7, "s", 2.5L);
}

int main(void) {
  char buf[128];
  CHECK_EQ(snprintf(buf, sizeof(buf), "%s-%d", "x", 42), 4);
  CHECK_STR(buf, "x-42");
  CHECK_EQ(snprintf(buf, 3, "%d", 12345), 5);
  CHECK_STR(buf, "12");
  CHECK_EQ(snprintf(NULL, 0, "%d", 12345), 5);
  CHECK_EQ(my_vsnprintf(buf, sizeof(buf), "%c%c%c", 'a', 'b', 'c'), 3);
  CHECK_STR(buf, "abc");
  CHECK_EQ(many(buf, sizeof(buf)), 55);
  CHECK_STR(buf, "1 2 3 4 5 6 0.5 1.5 2.5 3.5 4.5 5.5 6.5 7.5 8.5 7 s 2.5");
  CHECK_EQ(sprintf(buf, "%05.1f|%-4s|%x", 3.14159, "ab", 255), 13);
  CHECK_STR(buf, "003.1|ab  |ff");

  char *s = NULL;
  CHECK_EQ(asprintf(&s, "%s %s", "hello", "world"), 11);
  CHECK_STR(s, "hello world");
  free(s);

  /* Positional arguments and %n. */
  int n = 0;
  CHECK_EQ(snprintf(buf, sizeof(buf), "%2$s %1$s%3$n", "world", "hello", &n), 11);
  CHECK_STR(buf, "hello world");
  CHECK_EQ(n, 11);

  /* A format that ends inside a conversion fails. */
  CHECK_EQ(snprintf(buf, sizeof(buf), "abc%"), -1);
  CHECK_EQ(errno, EINVAL);

  /* Streams: fprintf counts what it wrote; stdout output is checked by
   * printf.expected. */
  FILE *f = tmpfile();
  CHECK_EQ(fprintf(f, "%d+%d=%d", 2, 2, 4), 5);
  rewind(f);
  CHECK(fgets(buf, sizeof(buf), f) != NULL);
  CHECK_STR(buf, "2+2=4");
  fclose(f);
  CHECK_EQ(printf("%s %d\n", "stdout", 1), 9);
  CHECK_EQ(dprintf(1, "fd %d\n", 1), 5);
  CHECK_EQ(dprintf(-1, "x"), -1);
  CHECK_EQ(errno, EBADF);
  CHECK_EQ(puts("puts"), 5);
  CHECK_EQ(putchar('!'), '!');
  CHECK_EQ(putchar('\n'), '\n');
  return test_summary();
}
