/* strcasecmp and strncasecmp ignore the case of ASCII letters only and
 * compare the rest as unsigned char. */
#include <strings.h>

#include "test.h"

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void) {
  CHECK_EQ(strcasecmp("Hello", "hELLO"), 0);
  CHECK_EQ(strcasecmp("", ""), 0);
  CHECK(strcasecmp("abc", "ABD") < 0);
  CHECK(strcasecmp("ABD", "abc") > 0);
  CHECK(strcasecmp("abc", "ab") > 0);
  CHECK(strcasecmp("", "a") < 0);
  /* '[' (0x5b) sorts after 'a' once letters fold to lower case (0x61). */
  CHECK(strcasecmp("[", "A") < 0);
  CHECK(strcasecmp("_", "a") < 0);
  /* Bytes above 0x7f are not folded and compare as unsigned char. */
  CHECK(strcasecmp("\xc9", "\xe9") != 0);
  CHECK(strcasecmp("\x80", "a") > 0);
  CHECK_EQ(strncasecmp("HELLOworld", "helloWORLD!", 10), 0);
  CHECK(strncasecmp("HELLOworld", "helloWORLD!", 11) < 0);
  CHECK_EQ(strncasecmp("abc", "xyz", 0), 0);
  CHECK_EQ(strncasecmp("aBc", "AbD", 2), 0);
  CHECK_EQ(sign(strcasecmp_l("AB", "ab", NULL)), 0);
  CHECK_EQ(sign(strncasecmp_l("Ab", "aC", 2, NULL)), -1);
  /* Every pair of ASCII letters folds together. */
  for (int c = 'A'; c <= 'Z'; c++) {
    char u[2] = {(char)c, 0}, l[2] = {(char)(c + 32), 0};
    CHECK_EQ(strcasecmp(u, l), 0);
  }
  return test_summary();
}
