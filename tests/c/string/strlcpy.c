/* strlcpy and strlcat truncate to the buffer, always terminate it (when
 * it has room for anything), and return the length they tried to make. */
#include <string.h>

#include "test.h"

int main(void) {
  char b[8];
  CHECK_EQ(strlcpy(b, "abc", sizeof(b)), 3);
  CHECK_STR(b, "abc");
  CHECK_EQ(strlcpy(b, "abcdefghij", sizeof(b)), 10);
  CHECK_STR(b, "abcdefg");
  CHECK_EQ(strlcpy(b, "abcdefg", sizeof(b)), 7);
  CHECK_STR(b, "abcdefg");
  CHECK_EQ(strlcpy(b, "abcdefgh", sizeof(b)), 8);
  CHECK_STR(b, "abcdefg");
  CHECK_EQ(strlcpy(b, "", sizeof(b)), 0);
  CHECK_STR(b, "");
  b[0] = 'q';
  CHECK_EQ(strlcpy(b, "xyz", 0), 3);
  CHECK_EQ(b[0], 'q');
  CHECK_EQ(strlcpy(b, "xyz", 1), 3);
  CHECK_STR(b, "");

  char c[8] = "ab";
  CHECK_EQ(strlcat(c, "cd", sizeof(c)), 4);
  CHECK_STR(c, "abcd");
  CHECK_EQ(strlcat(c, "efghij", sizeof(c)), 10);
  CHECK_STR(c, "abcdefg");
  CHECK_EQ(strlcat(c, "x", sizeof(c)), 8);
  CHECK_STR(c, "abcdefg");
  /* No NUL within size: nothing is written, size + strlen(src) returned. */
  char full[4] = {'w', 'x', 'y', 'z'};
  CHECK_EQ(strlcat(full, "abc", sizeof(full)), 7);
  CHECK_EQ(full[3], 'z');
  CHECK_EQ(strlcat(c, "abc", 0), 3);
  char e[4] = "";
  CHECK_EQ(strlcat(e, "abc", sizeof(e)), 3);
  CHECK_STR(e, "abc");
  return test_summary();
}
