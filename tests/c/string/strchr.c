/* strchr, strrchr and strchrnul at every alignment 0..31 and length
 * 0..300; the terminator counts as part of the string; c is converted to
 * char. */
#include <string.h>

#include "string/support.h"

static unsigned char buf[9000 + 64];

static void one(size_t a, size_t n) {
  char *s = (char *)buf + a;
  pattern((unsigned char *)s, n, 1);
  s[n] = '\0';
  int c = n ? (unsigned char)s[n / 2] : 'q';
  if (n > 3) s[n - 1] = (char)c;
  char *first = NULL, *last = NULL;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] == c) {
      if (first == NULL) first = s + i;
      last = s + i;
    }
  LOOP_CHECK(strchr(s, c) == first, (long long)a, (long long)n, c);
  LOOP_CHECK(strrchr(s, c) == last, (long long)a, (long long)n, c);
  LOOP_CHECK(strchrnul(s, c) == (first ? first : s + n), (long long)a, (long long)n, c);
  LOOP_CHECK(strchr(s, c - 256) == first, (long long)a, (long long)n, c);
  LOOP_CHECK(strchr(s, '\0') == s + n, (long long)a, (long long)n, 0);
  LOOP_CHECK(strrchr(s, '\0') == s + n, (long long)a, (long long)n, 0);
  LOOP_CHECK(strchrnul(s, '\0') == s + n, (long long)a, (long long)n, 0);
}

int main(void) {
  for (size_t n = 0; n <= 300; n++)
    for (size_t a = 0; a < 32; a++) one(a, n);
  for (size_t n = 301; n < 9000; n = n * 3 / 2) one(n % 32, n);

  const char *s = "hello";
  CHECK(strchr(s, 'l') == s + 2);
  CHECK(strrchr(s, 'l') == s + 3);
  CHECK(strchr(s, 'z') == NULL);
  CHECK(strrchr(s, 'z') == NULL);
  CHECK(strchrnul(s, 'z') == s + 5);
  CHECK(strchr("", 'a') == NULL);
  CHECK(strchr("\xe9t\xe9", 0xe9) != NULL);
  CHECK(strrchr("\xe9t\xe9", -0x17) != NULL);
  return test_summary();
}
