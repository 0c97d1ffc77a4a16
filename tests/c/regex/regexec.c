/* regexec: leftmost-longest matches, POSIX subexpression offsets, flags. */
#include <regex.h>
#include <stddef.h>

#include "test.h"

static regmatch_t m[10];

/* Matches; the offsets land in m. */
static int match(const char *pattern, int cflags, const char *subject, int eflags) {
  regex_t re;
  int r = regcomp(&re, pattern, cflags);
  if (r != 0)
    return -100 - r;
  for (int i = 0; i < 10; i++)
    m[i].rm_so = m[i].rm_eo = -2;
  r = regexec(&re, subject, 10, m, eflags);
  regfree(&re);
  return r;
}

#define CHECK_M(i, so, eo)       \
  do {                           \
    CHECK_EQ(m[i].rm_so, so);    \
    CHECK_EQ(m[i].rm_eo, eo);    \
  } while (0)

int main(void) {
  /* The leftmost match, and of those the longest. */
  CHECK_EQ(match("a|ab|abc", REG_EXTENDED, "xabcd", 0), 0);
  CHECK_M(0, 1, 4);
  CHECK_EQ(match("b*", REG_EXTENDED, "abb", 0), 0);
  CHECK_M(0, 0, 0);
  CHECK_EQ(match("x", REG_EXTENDED, "abc", 0), REG_NOMATCH);

  /* POSIX subexpression rules: each subpattern, from the left, longest. */
  CHECK_EQ(match("(a|ab)(c|bcd)(d*)", REG_EXTENDED, "abcd", 0), 0);
  CHECK_M(0, 0, 4);
  CHECK_M(1, 0, 2);
  CHECK_M(2, 2, 3);
  CHECK_M(3, 3, 4);
  CHECK_M(4, -1, -1); /* Entries past re_nsub are unset. */
  CHECK_EQ(match("a*(a*)", REG_EXTENDED, "aa", 0), 0);
  CHECK_M(1, 2, 2);
  /* A repeated group reports its last iteration... */
  CHECK_EQ(match("(a|b)*c", REG_EXTENDED, "abac", 0), 0);
  CHECK_M(1, 2, 3);
  /* ...and a group inside it that took no part in that iteration is unset. */
  CHECK_EQ(match("(a|(b))*", REG_EXTENDED, "ba", 0), 0);
  CHECK_M(1, 1, 2);
  CHECK_M(2, -1, -1);
  /* An empty iteration is taken only when nothing else matches. */
  CHECK_EQ(match("(a*)*", REG_EXTENDED, "b", 0), 0);
  CHECK_M(1, 0, 0);
  CHECK_EQ(match("(a*)+", REG_EXTENDED, "aa", 0), 0);
  CHECK_M(1, 0, 2);
  CHECK_EQ(match("(a)|b", REG_EXTENDED, "b", 0), 0);
  CHECK_M(1, -1, -1);

  /* Basic syntax and back-references. */
  CHECK_EQ(match("\\(a*\\)b\\1", 0, "xaabaa", 0), 0);
  CHECK_M(0, 1, 6);
  CHECK_M(1, 1, 3);
  CHECK_EQ(match("\\(.\\)\\1", 0, "abccd", 0), 0);
  CHECK_M(0, 2, 4);
  CHECK_EQ(match("(a|b)\\1", REG_EXTENDED, "abba", 0), 0);
  CHECK_M(0, 1, 3);
  CHECK_EQ(match("^*x", 0, "*x", 0), 0);
  CHECK_EQ(match("a\\{2,3\\}", 0, "aaaa", 0), 0);
  CHECK_M(0, 0, 3);

  /* Intervals and brackets. */
  CHECK_EQ(match("a{2}b{0,1}c{1,}", REG_EXTENDED, "aaabccc", 0), 0);
  CHECK_M(0, 1, 7);
  CHECK_EQ(match("[[:digit:][:upper:]]+", REG_EXTENDED, "abC1D2e", 0), 0);
  CHECK_M(0, 2, 6);
  CHECK_EQ(match("[]-]+", REG_EXTENDED, "a-]-b", 0), 0);
  CHECK_M(0, 1, 4);
  CHECK_EQ(match("[^[.a.]-c]", REG_EXTENDED, "abcd", 0), 0);
  CHECK_M(0, 3, 4);
  CHECK_EQ(match("[[=e=]]", REG_EXTENDED, "abcde", 0), 0);
  CHECK_M(0, 4, 5);

  /* REG_ICASE. */
  CHECK_EQ(match("hello [w-z]orld", REG_EXTENDED | REG_ICASE, "Say HELLO World", 0), 0);
  CHECK_M(0, 4, 15);
  CHECK_EQ(match("\\(a\\)\\1", REG_ICASE, "aA", 0), 0);

  /* REG_NEWLINE: '.' and [^...] stop at newlines, ^ and $ match at them. */
  CHECK_EQ(match("a.b", REG_EXTENDED, "a\nb", 0), 0);
  CHECK_EQ(match("a.b", REG_EXTENDED | REG_NEWLINE, "a\nb", 0), REG_NOMATCH);
  CHECK_EQ(match("a[^x]b", REG_EXTENDED | REG_NEWLINE, "a\nb", 0), REG_NOMATCH);
  CHECK_EQ(match("^b$", REG_EXTENDED | REG_NEWLINE, "a\nb\nc", 0), 0);
  CHECK_M(0, 2, 3);
  CHECK_EQ(match("^b$", REG_EXTENDED, "a\nb\nc", 0), REG_NOMATCH);

  /* REG_NOTBOL and REG_NOTEOL. */
  CHECK_EQ(match("^a", REG_EXTENDED, "a", REG_NOTBOL), REG_NOMATCH);
  CHECK_EQ(match("^a", REG_EXTENDED | REG_NEWLINE, "a\na", REG_NOTBOL), 0);
  CHECK_M(0, 2, 3);
  CHECK_EQ(match("a$", REG_EXTENDED, "a", REG_NOTEOL), REG_NOMATCH);
  CHECK_EQ(match("a$", REG_EXTENDED | REG_NEWLINE, "a\nb", REG_NOTEOL), 0);

  /* REG_NOSUB: pmatch is left alone. */
  regex_t re;
  CHECK_EQ(regcomp(&re, "(b)", REG_EXTENDED | REG_NOSUB), 0);
  m[0].rm_so = 77;
  CHECK_EQ(regexec(&re, "abc", 1, m, 0), 0);
  CHECK_EQ(m[0].rm_so, 77);
  CHECK_EQ(regexec(&re, "xyz", 1, m, 0), REG_NOMATCH);
  regfree(&re);

  /* nmatch smaller than the group count. */
  CHECK_EQ(regcomp(&re, "(a)(b)", REG_EXTENDED), 0);
  m[1].rm_so = 77;
  CHECK_EQ(regexec(&re, "xab", 1, m, 0), 0);
  CHECK_M(0, 1, 3);
  CHECK_EQ(m[1].rm_so, 77);
  CHECK_EQ(regexec(&re, "xab", 0, NULL, 0), 0);
  regfree(&re);

  /* A back-reference search that would take exponential time gives up. */
  char s[64];
  for (int i = 0; i < 40; i++)
    s[i] = 'a';
  s[40] = 'c';
  s[41] = '\0';
  int r = match("\\(a*\\)*\\(a*\\)*\\(a*\\)*\\1b", 0, s, 0);
  CHECK(r == REG_ESPACE || r == REG_NOMATCH);
  return test_summary();
}
