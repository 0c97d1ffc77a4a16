/* strspn, strcspn and strpbrk, including empty and one-byte sets and
 * bytes from 0x80 up. */
#include <string.h>

#include "test.h"

int main(void) {
  CHECK_EQ(strspn("abcde", "abc"), 3);
  CHECK_EQ(strspn("abcde", "cba"), 3);
  CHECK_EQ(strspn("abcde", ""), 0);
  CHECK_EQ(strspn("", "abc"), 0);
  CHECK_EQ(strspn("aaaa", "a"), 4);
  CHECK_EQ(strspn("\xe9\xe9z", "\xe9"), 2);

  CHECK_EQ(strcspn("abcde", "dx"), 3);
  CHECK_EQ(strcspn("abcde", "d"), 3);
  CHECK_EQ(strcspn("abcde", "xyz"), 5);
  CHECK_EQ(strcspn("abcde", ""), 5);
  CHECK_EQ(strcspn("", "a"), 0);
  CHECK_EQ(strcspn("ab\xff", "\xff"), 2);
  CHECK_EQ(strcspn("ab\xff", "\xff\x80"), 2);

  const char *s = "hello, world";
  CHECK(strpbrk(s, " ,") == s + 5);
  CHECK(strpbrk(s, "w") == s + 7);
  CHECK(strpbrk(s, "xyz") == NULL);
  CHECK(strpbrk(s, "") == NULL);
  CHECK(strpbrk("", "a") == NULL);

  /* A long string: all 255 non-zero bytes in the set but one. */
  char set[256], text[600];
  int k = 0;
  for (int c = 1; c < 256; c++)
    if (c != 'Q') set[k++] = (char)c;
  set[k] = '\0';
  memset(text, 'a', sizeof(text));
  text[500] = 'Q';
  text[599] = '\0';
  CHECK_EQ(strspn(text, set), 500);
  CHECK_EQ(strcspn(text, "Q"), 500);
  CHECK_EQ(strcspn(text, "Qz"), 500);
  return test_summary();
}
