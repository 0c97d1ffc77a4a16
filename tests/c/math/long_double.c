/* long double (x87 80-bit): exact functions are exact, transcendental and
 * special functions are within a few ulps of the true value (references
 * computed with arbitrary-precision arithmetic), the error and gamma
 * functions in each of the ranges their methods cover; special values and
 * errors as for double. */
#include "mtest.h"
#include <float.h>

#define ULPS4 0x1p-61L

/* gcc assumes sinl and tanl leave errno alone: call them unseen. */
static long double (*volatile sinl_)(long double) = sinl;
static long double (*volatile tanl_)(long double) = tanl;

int main(void) {
  /* Exact functions. */
  CHECK_SAME(sqrtl(L(2)), 0xb504f333f9de6484p-63L);
  CHECK_SAME(fabsl(L(-3)), 3.0L);
  CHECK_SAME(copysignl(L(2), L(-0.0)), -2.0L);
  CHECK_SAME(truncl(L(-2.75)), -2.0L);
  CHECK_SAME(floorl(L(-2.25)), -3.0L);
  CHECK_SAME(ceill(L(-0.5)), -0.0L);
  CHECK_SAME(roundl(L(2.5)), 3.0L);
  CHECK_SAME(roundl(L(-0.4)), -0.0L);
  CHECK_SAME(rintl(L(2.5)), 2.0L);
  CHECK_SAME(nearbyintl(L(-3.5)), -4.0L);
  CHECK_EQ(lrintl(L(-2.5)), -2);
  CHECK_EQ(llroundl(L(-2.5)), -3);
  CHECK_EQ(lroundl(L(0x1p62L + 0.5L)), 0x4000000000000000L + 1);
  CHECK_SAME(truncl(L(0x1p63L + 1)), 0x1p63L + 1);
  long double ip;
  CHECK_SAME(modfl(L(-5.25), &ip), -0.25L);
  CHECK_SAME(ip, -5.0L);
  int e;
  CHECK_SAME(frexpl(L(48), &e), 0.75L);
  CHECK_EQ(e, 6);
  CHECK_SAME(frexpl(L(LDBL_TRUE_MIN), &e), 0.5L);
  CHECK_EQ(e, -16444);
  CHECK_SAME(ldexpl(L(0.75), 6), 48.0L);
  CHECK_SAME(scalbnl(L(1), -16445), LDBL_TRUE_MIN);
  CHECK_SAME(scalblnl(L(1), 16383L), 0x1p16383L);
  CHECK_SAME(logbl(L(1024)), 10.0L);
  CHECK_EQ(ilogbl(L(LDBL_TRUE_MIN)), -16445);
  CHECK_SAME(fmodl(L(10), L(3)), 1.0L);
  CHECK_SAME(fmodl(L(-0x1p16000L), L(3)), -1.0L);
  CHECK_SAME(remainderl(L(10), L(3)), 1.0L);
  CHECK_SAME(remainderl(L(11), L(3)), -1.0L);
  int q;
  CHECK_SAME(remquol(L(29), L(3), &q), -1.0L);
  CHECK_EQ(q & 7, 2);
  CHECK_SAME(remquol(L(-29), L(3), &q), 1.0L);
  CHECK_EQ(q, -2);
  CHECK_SAME(fmal(L(1 + 0x1p-63L), L(1 - 0x1p-63L), L(-1)), -0x1p-126L);
  CHECK_SAME(fmal(L(2), L(3), L(1)), 7.0L);
  CHECK_SAME(fmaxl(L(NAN), L(1)), 1.0L);
  CHECK_SAME(fminl(L(-1), L(2)), -1.0L);
  CHECK_SAME(fdiml(L(1), L(3)), 0.0L);
  CHECK_SAME(nextafterl(L(1), L(2)), 1 + 0x1p-63L);
  CHECK_SAME(nextafterl(L(1), L(0)), 1 - 0x1p-64L);
  CHECK_SAME(nextafterl(L(LDBL_MIN), L(0)), LDBL_MIN - LDBL_TRUE_MIN);
  CHECK_SAME(nexttowardl(L(-0.0), L(1)), LDBL_TRUE_MIN);
  CHECK_SAME(nexttoward(D(1), L(1 + 0x1p-60L)), 1 + 0x1p-52);
  CHECK_SAME(nexttoward(D(1), L(1)), 1.0);
  CHECK_SAME(nexttowardf(F(1), L(0)), 1 - 0x1p-24f);
  CHECK(isnan(nanl("")));
  CHECK_SAME(hypotl(L(3), L(4)), 5.0L);
  CHECK_SAME(cbrtl(L(-27)), -3.0L);
  CHECK_SAME(powl(L(2), L(-16445)), LDBL_TRUE_MIN);
  CHECK_SAME(exp2l(L(100)), 0x1p100L);
  CHECK_SAME(log2l(L(0x1p-16000L)), -16000.0L);

  /* Transcendental functions. */
  CHECK_NEAR(expl(L(1)), 0xadf85458a2bb4a9bp-62L, ULPS4);
  CHECK_NEAR(expl(L(-11000)), 0xa3a8bc537a427c0fp-15933L, ULPS4);
  CHECK_SAME(expl(L(0x1p-70)), 1.0L);
  CHECK_NEAR(exp2l(L(0.5)), 0xb504f333f9de6484p-63L, ULPS4);
  CHECK_NEAR(expm1l(L(1e-5)), 0xa7c5e340e6fdae88p-80L, ULPS4);
  CHECK_NEAR(expm1l(L(-3)), -0xf341279998a7a89bp-64L, ULPS4);
  CHECK_NEAR(logl(L(10)), 0x935d8dddaaa8ac17p-62L, ULPS4);
  CHECK_NEAR(logl(L(1.0000001)), 0xd6bf9423db2490ecp-87L, ULPS4);
  CHECK_NEAR(log2l(L(3)), 0xcae00d1cfdeb43d0p-63L, ULPS4);
  CHECK_NEAR(log10l(L(7)), 0xd858585bc661f94bp-64L, ULPS4);
  CHECK_NEAR(log1pl(L(-0.25)), -0x934b1089a6dc93c2p-65L, ULPS4);
  CHECK_NEAR(powl(L(3), L(0.5)), 0xddb3d742c265539ep-63L, ULPS4);
  CHECK_NEAR(powl(L(1.5), L(100.25)), 0xc7cf90123f1d1b88p-5L, ULPS4);
  CHECK_NEAR(powl(L(0.9), L(-2000)), 0x808cd32a7db99a42p241L, 0x1p-56L);
  CHECK_NEAR(sinl(L(1)), 0xd76aa47848677021p-64L, ULPS4);
  CHECK_NEAR(cosl(L(10)), -0xd6cd64486358f905p-64L, ULPS4);
  CHECK_NEAR(tanl(L(1e10)), -0x8ef0007a21fa82f2p-64L, ULPS4);
  CHECK_NEAR(atanl(L(2)), 0x8db70c975df22363p-63L, ULPS4);
  CHECK_NEAR(asinl(L(0.5)), 0x860a91c16b9b2c23p-64L, ULPS4);
  CHECK_NEAR(acosl(L(-0.75)), 0x9ace937c9db6192bp-62L, ULPS4);
  CHECK_NEAR(sinhl(L(0.5)), 0x8566807f31dcb652p-64L, ULPS4);
  CHECK_NEAR(coshl(L(3)), 0xa11524beb0c2f252p-60L, ULPS4);
  CHECK_NEAR(tanhl(L(0.25)), 0xfacbf534d0e42f8ap-66L, ULPS4);
  CHECK_NEAR(asinhl(L(-2)), -0xb8c90c189e84397cp-63L, ULPS4);
  CHECK_NEAR(acoshl(L(1.5)), 0xf661657628b04ca6p-64L, ULPS4);
  CHECK_NEAR(atanhl(L(0.5)), 0x8c9f53d5681854bbp-64L, ULPS4);
  CHECK_NEAR(cbrtl(L(10)), 0x89e24209c3827654p-62L, ULPS4);
  long double s, c;
  sincosl(L(1), &s, &c);
  CHECK_SAME(s, sinl(L(1)));
  CHECK_SAME(c, cosl(L(1)));
  CHECK_NEAR(erfl(L(0.5)), 0x853f7ae0c76e915fp-64L, ULPS4);
  CHECK_NEAR(erfl(L(2)), 0xfecd70a13caf1997p-64L, ULPS4);
  CHECK_NEAR(erfl(L(-0.125)), -0x8faf0d1ae1dc4ba1p-66L, ULPS4);
  CHECK_NEAR(erfl(L(0x1p-100)), 0x906eba8214db688dp-163L, ULPS4);
  CHECK_NEAR(erfcl(L(1.5)), 0x8ad554764290270cp-68L, ULPS4);
  CHECK_NEAR(erfcl(L(5)), 0xd860d3acfbb9c49bp-103L, ULPS4);
  CHECK_NEAR(erfcl(L(-1)), 0xebdd9e9d04222b1bp-63L, ULPS4);
  CHECK_NEAR(erfcl(L(30)), 0xe54a046e0a514445p-1368L, ULPS4);
  CHECK_NEAR(erfcl(L(100)), 0xbf54533bddd43962p-14498L, ULPS4);
  /* A subnormal result, rounded once: 51923243823.65 times 2^-16445. */
  CHECK_SAME(erfcl(L(106.625)), 51923243824.0L * 0x1p-16445L);
  /* Near the zeros at 1 and 2, relative precision holds. */
  CHECK_NEAR(lgammal(L(1 + 0x1p-40)), -0x93c467e37cde3a72p-104L, ULPS4);
  CHECK_NEAR(lgammal(L(2 - 0x1p-40)), -0xd877303903f95650p-105L, ULPS4);
  CHECK_NEAR(lgammal(L(1.5)), -0xf75cad84a60c8a69p-67L, ULPS4);
  CHECK_NEAR(lgammal(L(3.5)), 0x99b980c4b851adc1p-63L, ULPS4);
  CHECK_NEAR(lgammal(L(100)), 0xb3912da43ca3102dp-55L, ULPS4);
  CHECK_NEAR(lgammal(L(0x1p100)), 0x88a122b99bea170ep43L, ULPS4);
  CHECK_NEAR(lgammal(L(-20.5)), -0xaad42b2e7ef53a56p-58L, ULPS4);
  CHECK_EQ(signgam, -1);
  CHECK_NEAR(lgammal(L(-0.5)), 0xa1fc4d1f876eb105p-63L, ULPS4);
  CHECK_EQ(signgam, -1);
  CHECK_NEAR(tgammal(L(0.5)), 0xe2dfc48da77b553dp-63L, ULPS4);
  CHECK_NEAR(tgammal(L(7.25)), 0x906c31441ab5a59fp-53L, ULPS4);
  CHECK_NEAR(tgammal(L(0x1p-40)), 0xffffffffff6c3b98p-24L, ULPS4);
  CHECK_NEAR(tgammal(L(1000)), 0xacb6219668cf4989p8456L, ULPS4);
  CHECK_NEAR(tgammal(L(1755.25)), 0xdc82d375e9100cf2p16317L, ULPS4);
  CHECK_NEAR(tgammal(L(-2.5)), -0xf1ffc097190c16a7p-64L, ULPS4);
  CHECK_NEAR(tgammal(L(-20.5)), -0xa7541e78d99d4cb3p-125L, ULPS4);
  /* 1918109317.2 times 2^-16445. */
  CHECK_SAME(tgammal(L(-1757.5)), 1918109317.0L * 0x1p-16445L);
  CHECK_SAME(tgammal(L(5)), 24.0L);

  /* Special values and errors. */
  CHECK_ERR(sqrtl(L(-1)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(logl(L(0)), -INFINITY, ERANGE, FE_DIVBYZERO);
  CHECK_ERR(logl(L(-1)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(log1pl(L(-1)), -INFINITY, ERANGE, FE_DIVBYZERO);
  CHECK_ERR(expl(L(12000)), INFINITY, ERANGE, FE_OVERFLOW);
  CHECK_ERR(expl(L(-12000)), 0.0L, ERANGE, FE_UNDERFLOW);
  CHECK_ERR(expl(L(-INFINITY)), 0.0L, 0, 0);
  CHECK_ERR(expm1l(L(12000)), INFINITY, ERANGE, FE_OVERFLOW);
  CHECK_ERR(exp2l(L(-17000)), 0.0L, ERANGE, FE_UNDERFLOW);
  CHECK_ERR(powl(L(0), L(-1)), INFINITY, ERANGE, FE_DIVBYZERO);
  CHECK_ERR(powl(L(-0.0), L(-3)), -INFINITY, ERANGE, FE_DIVBYZERO);
  CHECK_ERR(powl(L(-1), L(0.5)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(powl(L(10), L(5000)), INFINITY, ERANGE, FE_OVERFLOW);
  CHECK_ERR(powl(L(10), L(-5000)), 0.0L, ERANGE, FE_UNDERFLOW);
  CHECK_ERR(powl(L(-2), L(3)), -8.0L, 0, 0);
  CHECK_ERR(powl(L(NAN), L(0)), 1.0L, 0, 0);
  CHECK_ERR(powl(L(-1), L(-INFINITY)), 1.0L, 0, 0);
  CHECK_ERR(sinl_(L(INFINITY)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(tanl_(L(-INFINITY)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(acosl(L(2)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(acoshl(L(0)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(atanhl(L(-1)), -INFINITY, ERANGE, FE_DIVBYZERO);
  CHECK_ERR(sinhl(L(12000)), INFINITY, ERANGE, FE_OVERFLOW);
  CHECK_ERR(coshl(L(-12000)), INFINITY, ERANGE, FE_OVERFLOW);
  CHECK_ERR(tgammal(L(0)), INFINITY, ERANGE, FE_DIVBYZERO);
  CHECK_ERR(tgammal(L(-3)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(tgammal(L(2000)), INFINITY, ERANGE, FE_OVERFLOW);
  CHECK_ERR(tgammal(L(-2000.5)), -0.0L, ERANGE, FE_UNDERFLOW);
  CHECK_ERR(tgammal(L(-1760.5)), -0.0L, ERANGE, FE_UNDERFLOW);
  CHECK_ERR(lgammal(L(-2)), INFINITY, ERANGE, FE_DIVBYZERO);
  CHECK_ERR(erfcl(L(200)), 0.0L, ERANGE, FE_UNDERFLOW);
  CHECK_ERR(fmodl(L(1), L(0)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(remainderl(L(INFINITY), L(1)), NAN, EDOM, FE_INVALID);
  CHECK_ERR(ldexpl(L(1), 20000), INFINITY, ERANGE, FE_OVERFLOW);
  CHECK_ERR(ldexpl(L(1), -17000), 0.0L, ERANGE, FE_UNDERFLOW);
  CHECK_ERR(ilogbl(L(0)), FP_ILOGB0, EDOM, FE_INVALID);
  CHECK_ERR(logbl(L(0)), -INFINITY, ERANGE, FE_DIVBYZERO);
  CHECK_ERR(nextafterl(L(LDBL_MAX), L(INFINITY)), INFINITY, ERANGE, FE_OVERFLOW);
  CHECK_ERR(lrintl(L(1e30)), -9223372036854775807.0L - 1, 0, FE_INVALID);
  CHECK_ERR(lroundl(L(NAN)), -9223372036854775807.0L - 1, 0, FE_INVALID);
  CHECK_ERR(nearbyintl(L(2.5)), 2.0L, 0, 0);
  CHECK_EQ(fetestexcept(FE_INEXACT), 0);
  CHECK_SAME(atan2l(L(-0.0), L(-1)), -0x1.921fb54442d18469898cc51701b8p+1L);
  CHECK_SAME(atan2l(L(INFINITY), L(-INFINITY)), 0x1.2d97c7f3321d234f272993d1414ap+1L);
  CHECK_SAME(atanl(L(-0.0)), -0.0L);
  CHECK_SAME(sinl(L(-0.0)), -0.0L);
  CHECK_SAME(tanhl(L(-INFINITY)), -1.0L);
  CHECK_SAME(cbrtl(L(-INFINITY)), -INFINITY);
  CHECK(finitel(L(1)) && !finitel(L(INFINITY)));
  CHECK_SAME(exp10l(L(3)), 1000.0L);

  /* The rounding mode reaches the x87. */
  fesetround(FE_UPWARD);
  CHECK_SAME(rintl(L(2.1)), 3.0L);
  CHECK_EQ(llrintl(L(-2.9)), -2);
  fesetround(FE_TONEAREST);
  return test_summary();
}
