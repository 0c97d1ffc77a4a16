/* Checks for the math tests: exact comparison of floating values (bit for
 * bit, any NaN matching any NaN), errno and exception flags together, and
 * opaque values that keep gcc from folding a call at compile time. */
#ifndef CLOUDLIBC_MTEST_H
#define CLOUDLIBC_MTEST_H

#include "test.h"
#include <fenv.h>
#include <math.h>

static volatile double mt_d;
static volatile float mt_f;
static volatile long double mt_l;
/* The value of x, unknown to the compiler. */
static inline double D(double x) {
  mt_d = x;
  return mt_d;
}
static inline float F(float x) {
  mt_f = x;
  return mt_f;
}
static inline long double L(long double x) {
  mt_l = x;
  return mt_l;
}

static void mt_hex(unsigned long long v) {
  char buf[19] = "0x";
  for (int i = 0; i < 16; i++) buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
  buf[18] = '\0';
  test_out(buf);
}

/* Bits of a long double: sign and exponent above, 64-bit mantissa below. */
static void mt_long_double_bits(long double x, unsigned long long *m, unsigned *se) {
  memcpy(m, &x, 8);
  unsigned short s;
  memcpy(&s, (char *)&x + 8, 2);
  *se = s;
}

static int mt_same_ld(long double a, long double b) {
  if (a != a || b != b) return a != a && b != b;
  unsigned long long ma, mb;
  unsigned sa, sb;
  mt_long_double_bits(a, &ma, &sa);
  mt_long_double_bits(b, &mb, &sb);
  return ma == mb && sa == sb;
}

static void mt_fail_ld(const char *file, int line, const char *expr, long double a, long double e) {
  unsigned long long m;
  unsigned s;
  test_fail_head(file, line, expr);
  test_out(": got ");
  mt_long_double_bits(a, &m, &s);
  mt_hex(s);
  test_out(":");
  mt_hex(m);
  test_out(", expected ");
  mt_long_double_bits(e, &m, &s);
  mt_hex(s);
  test_out(":");
  mt_hex(m);
  test_out("\n");
}

/* actual and expected are the same value (same sign of zero; NaN == NaN).
 * Both are compared as long double, which holds float and double exactly. */
#define CHECK_SAME(actual, expected)                                   \
  do {                                                                 \
    long double mt_a_ = (actual), mt_e_ = (expected);                  \
    if (mt_same_ld(mt_a_, mt_e_)) {                                    \
      test_passed++;                                                   \
    } else {                                                           \
      mt_fail_ld(__FILE__, __LINE__, #actual, mt_a_, mt_e_);           \
    }                                                                  \
  } while (0)

/* |actual - expected| <= tol * |expected|. */
#define CHECK_NEAR(actual, expected, tol)                                     \
  do {                                                                        \
    long double mt_a_ = (actual), mt_e_ = (expected);                         \
    long double mt_d_ = mt_a_ - mt_e_;                                        \
    if (mt_d_ < 0) mt_d_ = -mt_d_;                                            \
    long double mt_m_ = mt_e_ < 0 ? -mt_e_ : mt_e_;                           \
    if (mt_d_ <= (tol) * mt_m_) {                                             \
      test_passed++;                                                          \
    } else {                                                                  \
      mt_fail_ld(__FILE__, __LINE__, #actual " (near)", mt_a_, mt_e_);        \
    }                                                                         \
  } while (0)

/* Evaluates call with errno and the flags cleared, then checks the result,
 * errno and that the exceptions in `raised` (FE_INVALID...) were raised. */
#define CHECK_ERR(call, expected, err, raised)                   \
  do {                                                           \
    feclearexcept(FE_ALL_EXCEPT);                                \
    errno = 0;                                                   \
    long double mt_r_ = (call);                                  \
    int mt_errno_ = errno;                                       \
    int mt_flags_ = fetestexcept(FE_ALL_EXCEPT);                 \
    CHECK_SAME(mt_r_, expected);                                 \
    CHECK_EQ(mt_errno_, err);                                    \
    CHECK_EQ(mt_flags_ & (raised), (raised));                    \
  } while (0)

#endif
