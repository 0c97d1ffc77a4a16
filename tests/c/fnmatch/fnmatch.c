/* fnmatch and fnmatch_l. */
#include <fnmatch.h>
#include <stddef.h>

#include "test.h"

int main(void) {
  CHECK_EQ(fnmatch("*.c", "main.c", 0), 0);
  CHECK_EQ(fnmatch("*.c", "main.h", 0), FNM_NOMATCH);
  CHECK_EQ(fnmatch("m??n.[ch]", "main.h", 0), 0);
  CHECK_EQ(fnmatch("[!a-c]x", "dx", 0), 0);
  CHECK_EQ(fnmatch("[^a-c]x", "bx", 0), FNM_NOMATCH);
  CHECK_EQ(fnmatch("[[:upper:]]*", "Makefile", 0), 0);
  CHECK_EQ(fnmatch("[]]", "]", 0), 0);
  CHECK_EQ(fnmatch("[\\]]", "]", 0), 0);
  CHECK_EQ(fnmatch("[a-]", "-", 0), 0);
  CHECK_EQ(fnmatch("[", "[", 0), 0);     /* An unclosed '[' is literal. */
  CHECK_EQ(fnmatch("[ab", "[ab", 0), 0);
  CHECK_EQ(fnmatch("\\*", "*", 0), 0);
  CHECK_EQ(fnmatch("\\*", "x", 0), FNM_NOMATCH);
  CHECK_EQ(fnmatch("\\*", "\\*", FNM_NOESCAPE), 0);
  CHECK_EQ(fnmatch("a\\", "a\\", 0), FNM_NOMATCH);
  CHECK_EQ(fnmatch("", "", 0), 0);
  CHECK_EQ(fnmatch("*", "", 0), 0);

  /* FNM_PATHNAME: only a '/' matches a '/'. */
  CHECK_EQ(fnmatch("*", "dir/file", 0), 0);
  CHECK_EQ(fnmatch("*", "dir/file", FNM_PATHNAME), FNM_NOMATCH);
  CHECK_EQ(fnmatch("*/*", "dir/file", FNM_PATHNAME), 0);
  CHECK_EQ(fnmatch("dir?file", "dir/file", FNM_PATHNAME), FNM_NOMATCH);
  CHECK_EQ(fnmatch("dir[!a]file", "dir/file", FNM_PATHNAME), FNM_NOMATCH);
  CHECK_EQ(fnmatch("dir[/]file", "dir[/]file", FNM_PATHNAME), 0);

  /* FNM_PERIOD: a leading period only matches a period. */
  CHECK_EQ(fnmatch("*", ".profile", FNM_PERIOD), FNM_NOMATCH);
  CHECK_EQ(fnmatch("?profile", ".profile", FNM_PERIOD), FNM_NOMATCH);
  CHECK_EQ(fnmatch("[.]profile", ".profile", FNM_PERIOD), FNM_NOMATCH);
  CHECK_EQ(fnmatch(".*", ".profile", FNM_PERIOD), 0);
  CHECK_EQ(fnmatch("*", ".profile", 0), 0);
  CHECK_EQ(fnmatch("home/*", "home/.profile", FNM_PERIOD), 0);
  CHECK_EQ(fnmatch("home/*", "home/.profile", FNM_PERIOD | FNM_PATHNAME), FNM_NOMATCH);
  CHECK_EQ(fnmatch("home/.*", "home/.profile", FNM_PERIOD | FNM_PATHNAME), 0);

  /* Invalid bracket contents never match. */
  CHECK_EQ(fnmatch("[[:bogus:]]", "a", 0), FNM_NOMATCH);
  CHECK_EQ(fnmatch("[z-a]", "m", 0), FNM_NOMATCH);

  /* Linear time: many stars against a long non-matching string. */
  static char s[4097];
  for (int i = 0; i < 4096; i++)
    s[i] = 'a';
  CHECK_EQ(fnmatch("*a*a*a*a*a*a*a*a*a*a*b", s, 0), FNM_NOMATCH);

  CHECK_EQ(fnmatch_l("*.c", "x.c", 0, NULL), 0);
  return test_summary();
}
