/* Error reporting of the double and float functions (C11 7.12.1, Annex F):
 * domain errors set EDOM and raise invalid, pole errors ERANGE and
 * divide-by-zero, overflow ERANGE and overflow, underflow to zero ERANGE
 * and underflow. NaN arguments and exact results report nothing. */
#include "mtest.h"

#define INV FE_INVALID
#define DBZ FE_DIVBYZERO
#define OVF FE_OVERFLOW
#define UNF FE_UNDERFLOW

/* gcc assumes sin, cos and tan leave errno alone (C lets them set it) and
 * reads errno before the call: call them where it cannot see them. */
static double (*volatile sin_)(double) = sin;
static float (*volatile cosf_)(float) = cosf;
static double (*volatile tan_)(double) = tan;

int main(void) {
  CHECK_EQ(math_errhandling, MATH_ERRNO | MATH_ERREXCEPT);

  /* Domain errors. */
  CHECK_ERR(sqrt(D(-1)), NAN, EDOM, INV);
  CHECK_ERR(sqrtf(F(-1)), NAN, EDOM, INV);
  CHECK_ERR(sqrt(D(-0.0)), -0.0, 0, 0);
  CHECK_ERR(log(D(-1)), NAN, EDOM, INV);
  CHECK_ERR(logf(F(-INFINITY)), NAN, EDOM, INV);
  CHECK_ERR(log2(D(-2)), NAN, EDOM, INV);
  CHECK_ERR(log10(D(-2)), NAN, EDOM, INV);
  CHECK_ERR(log1p(D(-2)), NAN, EDOM, INV);
  CHECK_ERR(acos(D(2)), NAN, EDOM, INV);
  CHECK_ERR(asinf(F(-2)), NAN, EDOM, INV);
  CHECK_ERR(acosh(D(0.5)), NAN, EDOM, INV);
  CHECK_ERR(atanh(D(2)), NAN, EDOM, INV);
  CHECK_ERR(sin_(D(INFINITY)), NAN, EDOM, INV);
  CHECK_ERR(cosf_(F(-INFINITY)), NAN, EDOM, INV);
  CHECK_ERR(tan_(D(INFINITY)), NAN, EDOM, INV);
  CHECK_ERR(pow(D(-1), D(0.5)), NAN, EDOM, INV);
  CHECK_ERR(powf(F(-8), F(1.0f / 3)), NAN, EDOM, INV);
  CHECK_ERR(fmod(D(1), D(0)), NAN, EDOM, INV);
  CHECK_ERR(fmod(D(INFINITY), D(1)), NAN, EDOM, INV);
  CHECK_ERR(remainder(D(1), D(0)), NAN, EDOM, INV);
  CHECK_ERR(remainderf(F(INFINITY), F(2)), NAN, EDOM, INV);
  CHECK_ERR(tgamma(D(-1)), NAN, EDOM, INV);
  CHECK_ERR(tgamma(D(-INFINITY)), NAN, EDOM, INV);
  CHECK_ERR(y0(D(-1)), NAN, EDOM, INV);
  CHECK_ERR(yn(2, D(-1)), NAN, EDOM, INV);
  CHECK_ERR(ilogb(D(0)), FP_ILOGB0, EDOM, INV);
  CHECK_ERR(ilogbf(F(NAN)), FP_ILOGBNAN, EDOM, INV);
  CHECK_ERR(ilogb(D(-INFINITY)), 2147483647, EDOM, INV);

  /* Pole errors. */
  CHECK_ERR(log(D(0)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(logf(F(-0.0f)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(log2(D(0)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(log10f(F(0)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(log1p(D(-1)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(atanh(D(1)), INFINITY, ERANGE, DBZ);
  CHECK_ERR(atanhf(F(-1)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(pow(D(0), D(-1)), INFINITY, ERANGE, DBZ);
  CHECK_ERR(pow(D(-0.0), D(-3)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(powf(F(0), F(-2)), INFINITY, ERANGE, DBZ);
  CHECK_ERR(tgamma(D(0)), INFINITY, ERANGE, DBZ);
  CHECK_ERR(tgamma(D(-0.0)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(lgamma(D(0)), INFINITY, ERANGE, DBZ);
  CHECK_ERR(lgamma(D(-3)), INFINITY, ERANGE, DBZ);
  CHECK_ERR(lgammaf(F(-1)), INFINITY, ERANGE, DBZ);
  CHECK_ERR(y0(D(0)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(y1(D(0)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(yn(3, D(0)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(logb(D(0)), -INFINITY, ERANGE, DBZ);
  CHECK_ERR(logbf(F(-0.0f)), -INFINITY, ERANGE, DBZ);

  /* Overflow. */
  CHECK_ERR(exp(D(710)), INFINITY, ERANGE, OVF);
  CHECK_ERR(expf(F(89)), INFINITY, ERANGE, OVF);
  CHECK_ERR(exp2(D(1024)), INFINITY, ERANGE, OVF);
  CHECK_ERR(expm1(D(800)), INFINITY, ERANGE, OVF);
  CHECK_ERR(exp10(D(400)), INFINITY, ERANGE, OVF);
  CHECK_ERR(pow(D(1e300), D(2)), INFINITY, ERANGE, OVF);
  CHECK_ERR(pow(D(-1e300), D(3)), -INFINITY, ERANGE, OVF);
  CHECK_ERR(sinh(D(-800)), -INFINITY, ERANGE, OVF);
  CHECK_ERR(coshf(F(100)), INFINITY, ERANGE, OVF);
  CHECK_ERR(tgamma(D(200)), INFINITY, ERANGE, OVF);
  CHECK_ERR(lgamma(D(1e306)), INFINITY, ERANGE, OVF);
  CHECK_ERR(ldexp(D(1), 2000), INFINITY, ERANGE, OVF);
  CHECK_ERR(scalbln(D(-1), 1L << 40), -INFINITY, ERANGE, OVF);
  CHECK_ERR(scalbnf(F(1), 200), INFINITY, ERANGE, OVF);
  CHECK_ERR(hypot(D(1.5e308), D(1.5e308)), INFINITY, ERANGE, OVF);
  CHECK_ERR(fdim(D(1.7e308), D(-1.7e308)), INFINITY, ERANGE, OVF);
  CHECK_ERR(nextafter(D(1.7976931348623157e308), D(INFINITY)), INFINITY, ERANGE, OVF);

  /* Underflow to zero; subnormal results set no errno. */
  CHECK_ERR(exp(D(-800)), 0.0, ERANGE, UNF);
  CHECK_ERR(expf(F(-104)), 0.0, ERANGE, UNF);
  CHECK_ERR(exp2(D(-1080)), 0.0, ERANGE, UNF);
  CHECK_ERR(pow(D(10), D(-330)), 0.0, ERANGE, UNF);
  CHECK_ERR(pow(D(-2), D(-1075)), -0.0, ERANGE, UNF);
  CHECK_ERR(ldexp(D(1), -1080), 0.0, ERANGE, UNF);
  CHECK_ERR(ldexpf(F(1), -160), 0.0, ERANGE, UNF);
  CHECK_ERR(erfc(D(30)), 0.0, ERANGE, UNF);
  CHECK_ERR(atan2(D(1e-300), D(1e300)), 0.0, ERANGE, UNF);
  CHECK_ERR(tgamma(D(-200.5)), -0.0, ERANGE, UNF);
  CHECK_ERR(nextafter(D(0x1p-1022), D(0)), 0x0.fffffffffffffp-1022, ERANGE, UNF);
  CHECK_ERR(exp(D(-740)), 0x0.0000000000055p-1022, 0, 0);
  CHECK_ERR(ldexp(D(1), -1074), 0x1p-1074, 0, 0);
  CHECK_ERR(nextafter(D(0), D(1)), 0x1p-1074, 0, 0);

  /* Integer conversions out of range: invalid, no errno. */
  CHECK_ERR(lrint(D(1e30)), -9223372036854775807.0L - 1, 0, INV);
  CHECK_ERR(llround(D(NAN)), -9223372036854775807.0L - 1, 0, INV);
  CHECK_ERR(lroundf(F(-1e30f)), -9223372036854775807.0L - 1, 0, INV);

  /* NaN arguments and exact cases: nothing reported. */
  CHECK_ERR(exp(D(NAN)), NAN, 0, 0);
  CHECK_ERR(log(D(NAN)), NAN, 0, 0);
  CHECK_ERR(pow(D(NAN), D(0)), 1.0, 0, 0);
  CHECK_ERR(pow(D(1), D(NAN)), 1.0, 0, 0);
  CHECK_ERR(pow(D(0.5), D(INFINITY)), 0.0, 0, 0);
  CHECK_ERR(log(D(1)), 0.0, 0, 0);
  CHECK_ERR(exp(D(-INFINITY)), 0.0, 0, 0);
  CHECK_ERR(fmod(D(2), D(1)), 0.0, 0, 0);
  CHECK_ERR(sqrt(D(INFINITY)), INFINITY, 0, 0);
  CHECK_ERR(lgamma(D(-INFINITY)), INFINITY, 0, 0);
  CHECK_ERR(atan2(D(0), D(-0.0)), 3.141592653589793, 0, 0);
  return test_summary();
}
