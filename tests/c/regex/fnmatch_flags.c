/* REG_FNMATCH: regcomp compiling shell patterns (what fnmatch uses). */
#include <regex.h>
#include <stddef.h>

#include "test.h"

static int glob(const char *pattern, int cflags, const char *subject) {
  regex_t re;
  int r = regcomp(&re, pattern, REG_FNMATCH | cflags);
  if (r != 0)
    return -100 - r;
  r = regexec(&re, subject, 0, NULL, 0);
  regfree(&re);
  return r;
}

int main(void) {
  CHECK_EQ(glob("*.[ch]", 0, "main.c"), 0);
  CHECK_EQ(glob("*.[ch]", 0, "main.o"), REG_NOMATCH);
  CHECK_EQ(glob("*.c", 0, "x.cc"), REG_NOMATCH); /* The whole string. */
  CHECK_EQ(glob("a?c", 0, "abc"), 0);
  CHECK_EQ(glob("*", REG_FNMATCH_PATHNAME, "a/b"), REG_NOMATCH);
  CHECK_EQ(glob("*/*", REG_FNMATCH_PATHNAME, "a/b"), 0);
  CHECK_EQ(glob("*", REG_FNMATCH_PERIOD, ".x"), REG_NOMATCH);
  CHECK_EQ(glob(".*", REG_FNMATCH_PERIOD, ".x"), 0);
  CHECK_EQ(glob("\\?", 0, "?"), 0);
  CHECK_EQ(glob("\\?", REG_FNMATCH_NOESCAPE, "\\x"), 0);
  CHECK_EQ(glob("ABC", REG_ICASE, "abc"), 0);
  CHECK_EQ(glob("[[:bogus:]]", 0, "a"), -100 - REG_ECTYPE);
  return test_summary();
}
