/* Helpers for the <string.h> tests: checks for large loops, byte
 * patterns, and reference implementations written as plain byte loops
 * (their stores are volatile so the compiler cannot turn them back into
 * calls of the functions under test). */
#ifndef STRING_SUPPORT_H
#define STRING_SUPPORT_H

#include "test.h"

__attribute__((unused)) static int loop_failures;

/* A check inside a loop with many iterations: silent when it holds; the
 * first ten failures are reported with three numbers that locate them. */
#define LOOP_CHECK(cond, x, y, z)                                  \
  do {                                                             \
    if (!(cond)) {                                                 \
      if (loop_failures++ < 10) {                                  \
        test_fail_head(__FILE__, __LINE__, "LOOP_CHECK(" #cond ") at "); \
        test_num(x);                                               \
        test_out(" ");                                             \
        test_num(y);                                               \
        test_out(" ");                                             \
        test_num(z);                                               \
        test_out("\n");                                            \
      } else {                                                     \
        test_failed++;                                             \
      }                                                            \
    }                                                              \
  } while (0)

/* Deterministic bytes; with `nonzero`, never 0 (for strings). Values
 * from 0x80 up are frequent, so unsigned comparison is exercised. */
static unsigned pattern_state = 12345;
__attribute__((unused)) static void pattern(unsigned char *p, size_t n, int nonzero) {
  for (size_t i = 0; i < n; i++) {
    pattern_state = pattern_state * 1103515245u + 12345u;
    unsigned char b = (unsigned char)(pattern_state >> 16);
    ((volatile unsigned char *)p)[i] = nonzero && b == 0 ? 0xa5 : b;
  }
}

__attribute__((unused)) static void ref_set(unsigned char *p, int c, size_t n) {
  for (size_t i = 0; i < n; i++) ((volatile unsigned char *)p)[i] = (unsigned char)c;
}

__attribute__((unused)) static void ref_copy(unsigned char *d, const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n; i++) ((volatile unsigned char *)d)[i] = s[i];
}

/* Whether n bytes are equal. */
__attribute__((unused)) static int ref_same(const unsigned char *a, const unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (((const volatile unsigned char *)a)[i] != b[i]) return 0;
  return 1;
}

/* -1, 0 or 1. */
__attribute__((unused)) static int sign(int v) { return (v > 0) - (v < 0); }

__attribute__((unused)) static int ref_cmp(const unsigned char *a, const unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

#endif
