/* The wide forms: regwcomp, regwncomp, regwexec, regwnexec (and _l). */
#include <regex.h>
#include <stddef.h>

#include "test.h"

int main(void) {
  regex_t re;
  regmatch_t m[3];
  /* Characters beyond Latin-1, in the pattern, brackets and ranges. */
  CHECK_EQ(regwcomp(&re, L"(\u03b1+)[\u4e00-\u9fff]", REG_EXTENDED), 0);
  CHECK_EQ(re.re_nsub, 1);
  CHECK_EQ(regwexec(&re, L"x\u03b1\u03b1\u4e2dy", 3, m, 0), 0);
  CHECK_EQ(m[0].rm_so, 1);
  CHECK_EQ(m[0].rm_eo, 4);
  CHECK_EQ(m[1].rm_so, 1);
  CHECK_EQ(m[1].rm_eo, 3);
  CHECK_EQ(regwexec(&re, L"\u03b1a", 3, m, 0), REG_NOMATCH);
  regfree(&re);

  /* A negated set matches characters far above its members. */
  CHECK_EQ(regwcomp_l(&re, L"[^a-z]", REG_EXTENDED, NULL), 0);
  CHECK_EQ(regwexec(&re, L"ab\U0001F600", 1, m, 0), 0);
  CHECK_EQ(m[0].rm_so, 2);
  regfree(&re);

  /* Length-bounded pattern and subject, with NULs inside. */
  const wchar_t pat[] = {L'a', 0, L'b'};
  CHECK_EQ(regwncomp(&re, pat, 3, 0), 0);
  const wchar_t subject[] = {L'x', L'a', 0, L'b', L'y'};
  CHECK_EQ(regwnexec(&re, subject, 5, 1, m, 0), 0);
  CHECK_EQ(m[0].rm_so, 1);
  CHECK_EQ(m[0].rm_eo, 4);
  CHECK_EQ(regwnexec(&re, subject, 3, 1, m, 0), REG_NOMATCH);
  regfree(&re);
  CHECK_EQ(regwncomp_l(&re, L"ab", 1, REG_EXTENDED, NULL), 0);
  CHECK_EQ(regwexec(&re, L"ba", 1, m, 0), 0);
  CHECK_EQ(m[0].rm_so, 1);
  regfree(&re);

  /* A pattern compiled from bytes matches wide subjects too. */
  CHECK_EQ(regcomp(&re, "b+", REG_EXTENDED), 0);
  CHECK_EQ(regwexec(&re, L"abbc", 1, m, 0), 0);
  CHECK_EQ(m[0].rm_so, 1);
  CHECK_EQ(m[0].rm_eo, 3);
  regfree(&re);

  CHECK_EQ(regwcomp(&re, L"a{2", REG_EXTENDED), REG_EBRACE);
  return test_summary();
}
