/* bcmp, bcopy, bzero, index and rindex: the BSD names. */
#include <strings.h>

#include "test.h"

int main(void) {
  CHECK_EQ(bcmp("abc", "abc", 3), 0);
  CHECK(bcmp("abc", "abd", 3) != 0);
  CHECK_EQ(bcmp("abc", "abd", 2), 0);
  CHECK_EQ(bcmp("x", "y", 0), 0);

  char b[] = "abcdef";
  bcopy(b, b + 1, 4);
  CHECK_STR(b, "aabcdf");
  bcopy(b + 2, b, 3);
  CHECK_STR(b, "bcdcdf");
  bzero(b + 2, 2);
  CHECK_EQ(b[1], 'c');
  CHECK_EQ(b[2], 0);
  CHECK_EQ(b[3], 0);
  CHECK_EQ(b[4], 'd');
  char big[300];
  for (int i = 0; i < 300; i++) big[i] = 'z';
  bzero(big, sizeof(big));
  int zeros = 0;
  for (int i = 0; i < 300; i++) zeros += big[i] == 0;
  CHECK_EQ(zeros, 300);
  explicit_bzero(b, sizeof(b));
  CHECK_EQ(b[0] | b[5], 0);

  const char *s = "banana";
  CHECK(index(s, 'n') == s + 2);
  CHECK(rindex(s, 'n') == s + 4);
  CHECK(index(s, 'x') == NULL);
  CHECK(rindex(s, '\0') == s + 6);
  return test_summary();
}
