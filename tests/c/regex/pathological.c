/* Patterns that take exponential time in a backtracking matcher finish
 * quickly on a 30-character and a 10 KB subject: matching without
 * back-references is linear in the subject. Each case gets one second
 * (a guard against runaway matching, far above the milliseconds they
 * take).
 *
 * Not here: counted repetitions expand into copies, so time grows with
 * the count too. a{0,255}{0,255}b (one chain of 65025 states) on 10 KB
 * of 'a' ending in 'b' takes about 1.5 s, and counted repetitions of a
 * group holding one, like (a{1,255}){1,255}b, tens of seconds. */
#include <cloudabi_syscalls.h>
#include <regex.h>
#include <stddef.h>
#include <stdlib.h>

#include "test.h"

static cloudabi_timestamp_t now(void) {
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_MONOTONIC, 1, &t);
  return t;
}

static void run(const char *pattern, int cflags, const char *subject, int want) {
  cloudabi_timestamp_t start = now();
  regex_t re;
  int r = regcomp(&re, pattern, cflags);
  CHECK_EQ(r, 0);
  if (r != 0)
    return;
  regmatch_t m[4];
  r = regexec(&re, subject, 4, m, 0);
  regfree(&re);
  if (want >= 0)
    CHECK_EQ(r, want);
  else
    CHECK(r == REG_NOMATCH || r == REG_ESPACE);
  cloudabi_timestamp_t ns = now() - start;
  if (ns >= 1000000000) {
    test_out(pattern);
    test_out(": too slow\n");
  }
  CHECK(ns < 1000000000);
}

int main(void) {
  static const char *patterns[] = {
      "(a*)*b", "(a|aa)*c", "a{0,255}{0,255}b", "(a?){30}a{30}b", "((a+)+)+b",
      "(.*)*(.*)*(.*)*x", "(a|a?)+b", "((a|b|ab)*)*c", "(a{1,255}){1,255}b",
  };
  static const char *ending_in_b[] = {
      "(a*)*b", "(a|aa)*b", "(a?){20}a{20}b", "((a+)+)+b", "(.*)*(.*)*(.*)*b", "(a|a?)+b", "((a|b|ab)*)*b",
  };
  size_t sizes[] = {30, 10 * 1024};
  for (size_t k = 0; k < 2; k++) {
    char *s = malloc(sizes[k] + 1);
    for (size_t i = 0; i < sizes[k]; i++)
      s[i] = 'a';
    s[sizes[k]] = '\0';
    for (size_t i = 0; i < sizeof(patterns) / sizeof(patterns[0]); i++)
      run(patterns[i], REG_EXTENDED, s, REG_NOMATCH);
    /* The same with the last character they need at the very end. */
    s[sizes[k] - 1] = 'b';
    for (size_t i = 0; i < sizeof(ending_in_b) / sizeof(ending_in_b[0]); i++)
      run(ending_in_b[i], REG_EXTENDED, s, 0);
    s[sizes[k] - 1] = 'a';
    /* Matches that exist must be found, with their groups. */
    run("(a|aa)*", REG_EXTENDED, s, 0);
    run("(a*)*", REG_EXTENDED, s, 0);
    run("a{0,255}{0,255}", REG_EXTENDED, s, 0);
    /* With back-references: the step budget ends the search. */
    run("\\(a*\\)*\\1b", 0, s, -1);
    run("\\(\\(a*\\)*\\)*\\2\\1b", 0, s, -1);
    free(s);
  }
  return test_summary();
}
