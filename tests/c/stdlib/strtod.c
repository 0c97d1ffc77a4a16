/* strtod, strtof, strtold, atof: correct rounding, special values, range
 * errors and the end pointer. Expected bit patterns are glibc's. */
#include <float.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

static uint64_t bits(double d) {
  uint64_t b;
  memcpy(&b, &d, sizeof(b));
  return b;
}

static uint32_t fbits(float f) {
  uint32_t b;
  memcpy(&b, &f, sizeof(b));
  return b;
}

/* Checks strtod(s): bit pattern, characters consumed, errno. */
static void d(const char *s, uint64_t want, long len, int err) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (bits(v) != want || end - s != len || errno != err) {
    test_out("strtod(\"");
    test_out(s);
    test_out("\")\n");
  }
  CHECK(bits(v) == want);
  CHECK_EQ(end - s, len);
  CHECK_EQ(errno, err);
}

/* Checks strtold(s): sign-and-exponent and significand, errno. */
static void ld(const char *s, uint16_t se, uint64_t mant, int err) {
  unsigned char raw[16] = {0};
  errno = 0;
  long double v = strtold(s, NULL);
  memcpy(raw, &v, 10);
  uint64_t m;
  uint16_t e;
  memcpy(&m, raw, 8);
  memcpy(&e, raw + 8, 2);
  CHECK(m == mant);
  CHECK_EQ(e, se);
  CHECK_EQ(errno, err);
}

int main(void) {
  d("0", 0, 1, 0);
  d("-0", 0x8000000000000000, 2, 0);
  d("  +1.5e3x", bits(1500.0), 8, 0);
  d(".5", bits(0.5), 2, 0);
  d("5.", bits(5.0), 2, 0);
  d(".", 0, 0, 0);
  d("e5", 0, 0, 0);
  d("1e", bits(1.0), 1, 0);
  d("1e+", bits(1.0), 1, 0);
  d("1e-2", bits(0.01), 4, 0);

  /* Overflow and underflow. */
  d("1e400", 0x7ff0000000000000, 5, ERANGE);
  d("-1e400", 0xfff0000000000000, 6, ERANGE);
  d("1e-400", 0, 6, ERANGE);
  d("-1e-400", 0x8000000000000000, 7, ERANGE);
  d("1.7976931348623158e308", 0x7fefffffffffffff, 22, 0);
  d("1.7976931348623159e308", 0x7ff0000000000000, 22, ERANGE);
  d("0e-999999", 0, 9, 0);
  d("1e99999999999999999999999", 0x7ff0000000000000, 25, ERANGE);

  /* Subnormals: ERANGE when the result is tiny and inexact. */
  d("2.2250738585072014e-308", 0x0010000000000000, 23, 0);
  d("2.2250738585072011e-308", 0x000fffffffffffff, 23, ERANGE);
  d("1.1125369292536007e-308", 0x0008000000000000, 23, ERANGE);
  d("4.9406564584124654e-324", 1, 23, ERANGE);
  d("2.4703282292062328e-324", 1, 23, ERANGE);
  d("2.4703282292062327e-324", 0, 23, ERANGE);
  d("0x1p-1074", 1, 9, 0);

  /* Halfway cases round to even. */
  d("9007199254740993", 0x4340000000000000, 16, 0);
  d("9007199254740995", 0x4340000000000002, 16, 0);
  d("9007199254740993.0000000000000000000000000001", 0x4340000000000001, 45, 0);
  d("0.500000000000000166533453693773481063544750213623046875",
    0x3fe0000000000002, 56, 0);

  /* Hexadecimal. */
  d("0x1.fffffffffffffp1023", 0x7fefffffffffffff, 22, 0);
  d("0x1.fffffffffffff8p1023", 0x7ff0000000000000, 23, ERANGE);
  d("0X1P-2", bits(0.25), 6, 0);
  d("0x.8", bits(0.5), 4, 0);
  d("0x", 0, 1, 0);
  d("0x.p1", 0, 1, 0);
  d("0x1p", bits(1.0), 3, 0);
  d("0x1.00000000000008p0", 0x3ff0000000000000, 20, 0);
  d("0x1.000000000000080000001p0", 0x3ff0000000000001, 27, 0);

  /* Infinity and NaN. */
  d("inf", 0x7ff0000000000000, 3, 0);
  d("-INFINITY", 0xfff0000000000000, 9, 0);
  d("inFx", 0x7ff0000000000000, 3, 0);
  d("infinit", 0x7ff0000000000000, 3, 0);
  d("nan", 0x7ff8000000000000, 3, 0);
  d("-nan", 0xfff8000000000000, 4, 0);
  d("NaN(123)", 0x7ff800000000007b, 8, 0);
  d("nan(0x7)", 0x7ff8000000000007, 8, 0);
  d("nan(abc)", 0x7ff8000000000000, 8, 0);
  d("nan(", 0x7ff8000000000000, 3, 0);
  d("nan(1 )", 0x7ff8000000000000, 3, 0);

  CHECK(atof("  3.25e1 tail") == 32.5);

  /* float rounds directly, not via double. */
  errno = 0;
  CHECK(fbits(strtof("1.00000005960464477550", NULL)) == 0x3f800001);
  CHECK(fbits(strtof("3.4028235e38", NULL)) == 0x7f7fffff);
  CHECK(fbits(strtof("3.40282355e38", NULL)) == 0x7f7fffff);
  CHECK_EQ(errno, 0);
  CHECK(fbits(strtof("3.4028236e38", NULL)) == 0x7f800000);
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(fbits(strtof("1e-46", NULL)) == 0);
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(fbits(strtof("1.4e-45", NULL)) == 1);
  CHECK_EQ(errno, ERANGE);
  CHECK(fbits(strtof("nan(123)", NULL)) == 0x7fc0007b);

  /* long double is x87 80-bit. */
  ld("1", 0x3fff, 0x8000000000000000, 0);
  ld("0.1", 0x3ffb, 0xcccccccccccccccd, 0);
  ld("1e400", 0x452f, 0xda763fc8cb9ff9e6, 0);
  ld("1e-400", 0x3ace, 0x95fe7e07c91efafa, 0);
  ld("1e5000", 0x7fff, 0x8000000000000000, ERANGE);
  ld("1e-5000", 0, 0, ERANGE);
  ld("-0x1p-16445", 0x8000, 1, 0);
  ld("18446744073709551617", 0x403f, 0x8000000000000000, 0);
  ld("18446744073709551619", 0x403f, 0x8000000000000002, 0);
  ld("nan(123)", 0x7fff, 0xc00000000000007b, 0);
  CHECK(strtold("2.5", NULL) == 2.5L);
  return test_summary();
}
