/* regcomp, regncomp, regfree, regerror: syntax, re_nsub and error codes. */
#include <regex.h>
#include <stddef.h>

#include "test.h"

static int comp(const char *pattern, int cflags) {
  regex_t re;
  int r = regcomp(&re, pattern, cflags);
  if (r == 0)
    regfree(&re);
  return r;
}

int main(void) {
  regex_t re;
  CHECK_EQ(regcomp(&re, "(a)(b(c))|d", REG_EXTENDED), 0);
  CHECK_EQ(re.re_nsub, 3);
  regfree(&re);
  CHECK_EQ(regcomp(&re, "\\(a\\)\\(b\\)", 0), 0);
  CHECK_EQ(re.re_nsub, 2);
  regfree(&re);

  /* Well-formed patterns of both syntaxes. */
  CHECK_EQ(comp("a{0,255}", REG_EXTENDED), 0);
  CHECK_EQ(comp("a\\{1,\\}", 0), 0);
  CHECK_EQ(comp("[[:alpha:][.-.][=a=]]", REG_EXTENDED), 0);
  CHECK_EQ(comp("()|a||", REG_EXTENDED), 0);
  CHECK_EQ(comp("*a", 0), 0);      /* A leading BRE '*' is literal. */
  CHECK_EQ(comp("a)", REG_EXTENDED), 0); /* So is an unmatched ERE ')'. */

  /* Malformed ones, with the code POSIX (and glibc) give. */
  CHECK_EQ(comp("a{1", REG_EXTENDED), REG_EBRACE);
  CHECK_EQ(comp("a\\{1", 0), REG_EBRACE);
  CHECK_EQ(comp("a{2,1}", REG_EXTENDED), REG_BADBR);
  CHECK_EQ(comp("a{256}", REG_EXTENDED), REG_BADBR);
  CHECK_EQ(comp("a{x}", REG_EXTENDED), REG_BADBR);
  CHECK_EQ(comp("*a", REG_EXTENDED), REG_BADRPT);
  CHECK_EQ(comp("a|+", REG_EXTENDED), REG_BADRPT);
  CHECK_EQ(comp("^*", REG_EXTENDED), REG_BADRPT);
  CHECK_EQ(comp("a**", 0), REG_BADRPT);
  CHECK_EQ(comp("(a", REG_EXTENDED), REG_EPAREN);
  CHECK_EQ(comp("a\\)", 0), REG_EPAREN);
  CHECK_EQ(comp("[a", REG_EXTENDED), REG_EBRACK);
  CHECK_EQ(comp("[[:alpha:]", REG_EXTENDED), REG_EBRACK);
  CHECK_EQ(comp("[[:nope:]]", REG_EXTENDED), REG_ECTYPE);
  CHECK_EQ(comp("[[.xy.]]", REG_EXTENDED), REG_ECOLLATE);
  CHECK_EQ(comp("[z-a]", REG_EXTENDED), REG_ERANGE);
  CHECK_EQ(comp("[a-c-e]", REG_EXTENDED), REG_ERANGE);
  CHECK_EQ(comp("[[:alpha:]-z]", REG_EXTENDED), REG_ERANGE);
  CHECK_EQ(comp("ab\\", REG_EXTENDED), REG_EESCAPE);
  CHECK_EQ(comp("\\(a\\)\\2", 0), REG_ESUBREG);
  CHECK_EQ(comp("\\(a\\1\\)", 0), REG_ESUBREG);
  /* Nesting deeper than the parser allows is an out-of-memory error. */
  char deep[1200];
  for (int i = 0; i < 600; i++) {
    deep[i] = '(';
    deep[600 + i] = ')';
  }
  deep[1199] = '\0';
  deep[1198] = ')';
  CHECK_EQ(comp(deep, REG_EXTENDED), REG_ESPACE);

  /* regncomp reads exactly len bytes, NUL included. */
  CHECK_EQ(regncomp(&re, "a\0b", 3, REG_EXTENDED), 0);
  regmatch_t m[1];
  CHECK_EQ(regnexec(&re, "xa\0b", 4, 1, m, 0), 0);
  CHECK_EQ(m[0].rm_so, 1);
  CHECK_EQ(m[0].rm_eo, 4);
  CHECK_EQ(regexec(&re, "xa", 1, m, 0), REG_NOMATCH);
  regfree(&re);

  /* regerror: the size the whole message needs, truncation with a NUL. */
  char buf[8] = "AAAAAAA";
  CHECK_EQ(regerror(0, NULL, NULL, 0), 8);
  CHECK_EQ(regerror(0, NULL, buf, 5), 8);
  CHECK_STR(buf, "Succ");
  CHECK_EQ(buf[5], 'A');
  char big[64];
  CHECK(regerror(REG_NOMATCH, NULL, big, sizeof(big)) > 1);
  CHECK_STR(big, "No match");
  CHECK(regerror(REG_EBRACK, NULL, big, sizeof(big)) > 1);
  CHECK(regerror_l(REG_EBRACK, NULL, big, sizeof(big), NULL) > 1);
  CHECK_EQ(regcomp_l(&re, "x", 0, NULL), 0);
  regfree(&re);
  CHECK_EQ(regncomp_l(&re, "xy", 1, 0, NULL), 0);
  CHECK_EQ(regexec_l(&re, "x", 0, NULL, 0, NULL), 0);
  CHECK_EQ(regnexec_l(&re, "yx", 2, 0, NULL, 0, NULL), 0);
  regfree(&re);
  return test_summary();
}
