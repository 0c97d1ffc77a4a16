/* Rounding and manipulation functions: rint, nearbyint and lrint follow
 * the rounding mode (nearbyint without inexact), round/lround round halves
 * away from zero, frexp/ldexp/modf/remquo/nextafter/nan on edge values. */
#include "mtest.h"

/* gcc expands rint inline assuming round-to-nearest (it has no
 * -frounding-math by default): call the library where gcc cannot see. */
static double (*volatile rint_)(double) = rint;
static float (*volatile rintf_)(float) = rintf;
static double (*volatile nearbyint_)(double) = nearbyint;
static float (*volatile nearbyintf_)(float) = nearbyintf;

int main(void) {
  static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
  static const double up[] = {2.0, 2.0, 3.0, 2.0};     /* rint(2.5) */
  static const double down[] = {-2.0, -3.0, -2.0, -2.0}; /* rint(-2.5) */
  for (int i = 0; i < 4; i++) {
    CHECK_EQ(fesetround(modes[i]), 0);
    CHECK_SAME(rint_(D(2.5)), up[i]);
    CHECK_SAME(rint_(D(-2.5)), down[i]);
    CHECK_SAME(rintf_(F(2.5f)), (float)up[i]);
    CHECK_SAME(rintl(L(-2.5L)), (long double)down[i]);
    CHECK_EQ(lrint(D(2.5)), (long)up[i]);
    CHECK_EQ(llrintf(F(-2.5f)), (long long)down[i]);
    CHECK_EQ(lrintl(L(2.5L)), (long)up[i]);
    feclearexcept(FE_ALL_EXCEPT);
    CHECK_SAME(nearbyint_(D(-2.5)), down[i]);
    CHECK_SAME(nearbyintf_(F(2.5f)), (float)up[i]);
    CHECK_EQ(fetestexcept(FE_INEXACT), 0);
    CHECK_SAME(rint_(D(-0.25)), modes[i] == FE_DOWNWARD ? -1.0 : -0.0);
  }
  fesetround(FE_TONEAREST);
  feclearexcept(FE_ALL_EXCEPT);
  CHECK_SAME(rint(D(0.5)), 0.0);
  CHECK(fetestexcept(FE_INEXACT));
  CHECK_SAME(rint(D(0x1p52 + 1)), 0x1p52 + 1);
  CHECK_SAME(rint(D(-INFINITY)), -INFINITY);

  CHECK_SAME(round(D(2.5)), 3.0);
  CHECK_SAME(round(D(-2.5)), -3.0);
  CHECK_SAME(roundf(F(-0.4f)), -0.0f);
  CHECK_SAME(round(D(0.49999999999999994)), 0.0);
  CHECK_EQ(lround(D(-2.5)), -3);
  CHECK_EQ(llroundf(F(2.5f)), 3);
  CHECK_SAME(trunc(D(-1.9)), -1.0);
  CHECK_SAME(floorf(F(-0.5f)), -1.0f);
  CHECK_SAME(ceil(D(-0.5)), -0.0);

  int e;
  CHECK_SAME(frexp(D(8), &e), 0.5);
  CHECK_EQ(e, 4);
  CHECK_SAME(frexp(D(0x1p-1074), &e), 0.5);
  CHECK_EQ(e, -1073);
  CHECK_SAME(frexpf(F(-0.0f), &e), -0.0f);
  CHECK_EQ(e, 0);
  CHECK_SAME(ldexp(D(0.5), 4), 8.0);
  CHECK_SAME(scalbn(D(0x1p-1074), 1074), 1.0);
  double ip;
  CHECK_SAME(modf(D(-3.75), &ip), -0.75);
  CHECK_SAME(ip, -3.0);
  CHECK_SAME(modf(D(-INFINITY), &ip), -0.0);
  CHECK_SAME(ip, -INFINITY);
  float fip;
  CHECK_SAME(modff(F(2.5f), &fip), 0.5f);
  int q;
  CHECK_SAME(remquo(D(29), D(3), &q), -1.0);
  CHECK_EQ(q & 7, 2);
  CHECK_SAME(remquof(F(-29), F(3), &q), 1.0f);
  CHECK(q < 0 && (-q & 7) == 2);
  CHECK_SAME(fmod(D(-7), D(2)), -1.0);
  CHECK_SAME(remainder(D(7), D(2)), -1.0);
  CHECK_SAME(drem(D(7), D(2)), -1.0);
  CHECK_SAME(nextafter(D(1), D(2)), 1 + 0x1p-52);
  CHECK_SAME(nextafterf(F(0), F(-1)), -0x1p-149f);
  CHECK_SAME(nextafter(D(-0.0), D(0.0)), 0.0);
  CHECK_SAME(fdim(D(5), D(3)), 2.0);
  CHECK_SAME(fdim(D(3), D(5)), 0.0);
  CHECK_SAME(fmax(D(NAN), D(-1)), -1.0);
  CHECK_SAME(fminf(F(1), F(NAN)), 1.0f);
  CHECK_SAME(copysign(D(3), D(-0.0)), -3.0);
  CHECK_SAME(fabs(D(-0.0)), 0.0);
  CHECK_SAME(fma(D(0x1p-30 + 1), D(0x1p-30 + 1), D(-1)), 0x1p-29 + 0x1p-60);
  CHECK_SAME(fmaf(F(2), F(3), F(-6)), 0.0f);
  CHECK_SAME(logb(D(0x1p-1074)), -1074.0);
  CHECK_SAME(logbf(F(-INFINITY)), INFINITY);
  CHECK_EQ(ilogb(D(0x1p-1030)), -1030);

  double n = nan("");
  CHECK(isnan(n) && !signbit(n));
  unsigned long long bits;
  n = nan("0x12");
  memcpy(&bits, &n, 8);
  CHECK_EQ(bits, 0x7ff8000000000012ULL);
  n = nan("junk");
  memcpy(&bits, &n, 8);
  CHECK_EQ(bits, 0x7ff8000000000000ULL);
  float nf = nanf("7");
  unsigned fb;
  memcpy(&fb, &nf, 4);
  CHECK_EQ(fb, 0x7fc00007u);

  double s, c;
  sincos(D(0.5), &s, &c);
  CHECK_SAME(s, sin(D(0.5)));
  CHECK_SAME(c, cos(D(0.5)));
  float sf, cf;
  sincosf(F(-0.0f), &sf, &cf);
  CHECK_SAME(sf, -0.0f);
  CHECK_SAME(cf, 1.0f);
  int sign;
  CHECK_NEAR(lgamma_r(D(-0.5), &sign), 1.2655121234846454, 0x1p-50L);
  CHECK_EQ(sign, -1);
  CHECK_SAME(lgammaf_r(F(1), &sign), 0.0f);
  CHECK_EQ(sign, 1);
  lgamma(D(-2.5));
  CHECK_EQ(signgam, -1);
  CHECK_SAME(gamma(D(1)), 0.0);
  CHECK_SAME(exp10(D(3)), 1000.0);
  CHECK_SAME(exp10f(F(2)), 100.0f);
  CHECK_SAME(scalbln(D(1), -1074L), 0x1p-1074);
  CHECK_SAME(hypotf(F(3), F(4)), 5.0f);
  CHECK_SAME(hypot(D(INFINITY), D(NAN)), INFINITY);
  CHECK_SAME(cbrt(D(-0.0)), -0.0);
  CHECK_SAME(pow(D(-8), D(1.0 / 3)) == pow(D(-8), D(1.0 / 3)), 0);
  return test_summary();
}
