/* complex.h: every function in its three precisions against references
 * computed with arbitrary-precision arithmetic, cancellation-prone points,
 * C11 Annex G special values, and the complex/I/CMPLX macros. */
#include "../math/mtest.h"
#include <complex.h>
#include <float.h>

typedef double complex (*fn_d)(double complex);
typedef float complex (*fn_f)(float complex);
typedef long double complex (*fn_l)(long double complex);

struct ref {
  const char *name;
  fn_d d;
  fn_f f;
  fn_l l;
  long double re, im;
};

/* f(0.5 - 1.25i). */
static const struct ref refs[] = {
    {"cexp", cexp, cexpf, cexpl, 0.519878686008493657331609L, -1.564611127498819527852435L},
    {"clog", clog, clogf, clogl, 0.2973535538733463947571718L, -1.190289949682531732927734L},
    {"csqrt", csqrt, csqrtf, csqrtl, 0.9608046632337985295829466L, -0.6504964265019547391443933L},
    {"csin", csin, csinf, csinl, 0.9053586344209572552946904L, -1.405816250431468256251166L},
    {"ccos", ccos, ccosf, ccosl, 1.657247864053914697601877L, 0.7680009178735728478085425L},
    {"ctan", ctan, ctanf, ctanl, 0.1261085664842343885577377L, -0.9067248043194309759750732L},
    {"csinh", csinh, csinhf, csinhl, 0.1643130027613726402715423L, -1.07009969736685277400563L},
    {"ccosh", ccosh, ccoshf, ccoshl, 0.3555656832471210170600667L, -0.4945114301319667538468048L},
    {"ctanh", ctanh, ctanhf, ctanhl, 1.583963548284423986170953L, -0.8066346988510736201253484L},
    {"casin", casin, casinf, casinl, 0.3079813715721186048622996L, -1.08557655772077853483583L},
    {"cacos", cacos, cacosf, cacosl, 1.262814955222778014369022L, 1.08557655772077853483583L},
    {"catan", catan, catanf, catanl, 1.126556440834822348743876L, -0.7083033360140540200623837L},
    {"casinh", casinh, casinhf, casinhl, 0.8988936293694825143851067L, -1.061185772468742658474767L},
    {"cacosh", cacosh, cacoshf, cacoshl, 1.08557655772077853483583L, -1.262814955222778014369022L},
    {"catanh", catanh, catanhf, catanhl, 0.1858945085467093053920293L, -0.942514112939617464522504L},
};

#define CHECK_C(z, re_, im_, tol)     \
  do {                                \
    long double complex w_ = (z);     \
    CHECK_NEAR(creall(w_), re_, tol); \
    CHECK_NEAR(cimagl(w_), im_, tol); \
  } while (0)

#define CHECK_CSAME(z, re_, im_)      \
  do {                                \
    long double complex w_ = (z);     \
    CHECK_SAME(creall(w_), re_);      \
    CHECK_SAME(cimagl(w_), im_);      \
  } while (0)

int main(void) {
  double complex zd = CMPLX(0.5, -1.25);
  for (unsigned i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
    const struct ref *r = &refs[i];
    CHECK_C(r->d(zd), r->re, r->im, 0x1p-50L);
    CHECK_C(r->f(CMPLXF(0.5f, -1.25f)), r->re, r->im, 0x1p-21L);
    CHECK_C(r->l(CMPLXL(0.5L, -1.25L)), r->re, r->im, 0x1p-59L);
  }
  CHECK_C(cpow(zd, CMPLX(1.5, 0.25)), -0.2941542972143382236371058L, -2.082831538514700548057642L, 0x1p-50L);
  CHECK_C(cpowl(CMPLXL(0.5, -1.25), CMPLXL(1.5, 0.25)), -0.2941542972143382236371058L, -2.082831538514700548057642L, 0x1p-58L);
  CHECK_C(cpowf(CMPLXF(0.5, -1.25), CMPLXF(1.5, 0.25)), -0.2941542972143382236371058L, -2.082831538514700548057642L, 0x1p-20L);

  /* Points where naive formulas cancel. */
  CHECK_C(casin(CMPLX(1e-8, 1e-9)), 1.000000000000000037089227e-8L, 1.000000000000000112114925e-9L, 0x1p-50L);
  CHECK_C(cacos(CMPLX(0.999999, 1e-7)), 0.001415975951302659714325933L, -0.00007062269189059975419644301L, 0x1p-40L);
  CHECK_C(catanh(CMPLX(0.99999999, 1e-9)), 9.554426374555358765389372L, 0.04983432624683056008528244L, 0x1p-40L);
  CHECK_C(clog(CMPLX(0.6, 0.8000001)), 7.999999858009587769745613e-8L, 0.9272952780016074452563947L, 0x1p-40L);
  CHECK_C(csqrt(CMPLX(-4, 0)), 0, 2, 0);
  CHECK_C(csqrt(CMPLX(1e308, 1e308)), 1.0986841134678099e154L, 4.5508986056222733e153L, 0x1p-50L);
  CHECK_C(cexp(CMPLX(D(709.5), 0.5)), 1.1891123654305420939e308L, 6.4961504593874443567e307L, 0x1p-48L);

  /* Parts, conjugate, projection, magnitude and angle. */
  double complex z = 3.0 + 4.0 * I;
  CHECK_SAME(creal(z), 3.0);
  CHECK_SAME(cimag(z), 4.0);
  CHECK_SAME(cabs(z), 5.0);
  CHECK_SAME(cabsf(CMPLXF(3, 4)), 5.0f);
  CHECK_SAME(cabsl(CMPLXL(3, 4)), 5.0L);
  CHECK_SAME(cimag(conj(z)), -4.0);
  CHECK_SAME(cimagl(conjl(CMPLXL(1, 0))), -0.0L);
  CHECK_SAME(crealf(CMPLXF(1, 2)), 1.0f);
  CHECK_SAME(cimagl(CMPLXL(1, 2)), 2.0L);
  CHECK_NEAR(carg(CMPLX(-1, 0)), 3.14159265358979323846L, 0x1p-52L);
  CHECK_SAME(carg(CMPLX(-1, -0.0)), -carg(CMPLX(-1, 0.0)));
  CHECK_NEAR(cargl(CMPLXL(0, 1)), 1.57079632679489661923L, 0x1p-63L);
  CHECK_CSAME(cproj(CMPLX(INFINITY, -2)), INFINITY, -0.0);
  CHECK_CSAME(cprojl(CMPLXL(1, NAN)), 1.0L, NAN);
  CHECK_CSAME(cprojf(CMPLXF(NAN, -INFINITY)), INFINITY, -0.0);

  /* Annex G special values. */
  CHECK_CSAME(cexp(CMPLX(-0.0, 0.0)), 1.0, 0.0);
  CHECK_CSAME(cexp(CMPLX(INFINITY, 0.0)), INFINITY, 0.0);
  CHECK_CSAME(cexp(CMPLX(-INFINITY, INFINITY)), 0.0, 0.0);
  CHECK_CSAME(cexp(CMPLX(NAN, 0.0)), NAN, 0.0);
  CHECK_CSAME(cexpl(CMPLXL(INFINITY, NAN)), INFINITY, NAN);
  CHECK_CSAME(clog(CMPLX(-0.0, 0.0)), -INFINITY, 3.141592653589793);
  CHECK_CSAME(clog(CMPLX(0.0, -0.0)), -INFINITY, -0.0);
  CHECK_CSAME(clog(CMPLX(-INFINITY, 1)), INFINITY, 3.141592653589793);
  CHECK_CSAME(clogl(CMPLXL(NAN, INFINITY)), INFINITY, NAN);
  CHECK_CSAME(csqrt(CMPLX(-0.0, 0.0)), 0.0, 0.0);
  CHECK_CSAME(csqrt(CMPLX(NAN, INFINITY)), INFINITY, INFINITY);
  CHECK_CSAME(csqrt(CMPLX(-INFINITY, 2)), 0.0, INFINITY);
  CHECK_CSAME(csqrt(CMPLX(INFINITY, -NAN)), INFINITY, NAN);
  CHECK_CSAME(csqrtf(CMPLXF(-4, -0.0f)), 0.0f, -2.0f);
  CHECK_CSAME(csinh(CMPLX(0.0, 0.0)), 0.0, 0.0);
  CHECK_CSAME(csinh(CMPLX(INFINITY, 0.0)), INFINITY, 0.0);
  CHECK_CSAME(csinh(CMPLX(NAN, 0.0)), NAN, 0.0);
  CHECK_CSAME(ccosh(CMPLX(0.0, 0.0)), 1.0, 0.0);
  CHECK_CSAME(ccosh(CMPLX(INFINITY, 0.0)), INFINITY, 0.0);
  CHECK_CSAME(ctanh(CMPLX(INFINITY, 1)), 1.0, 0.0);
  CHECK_CSAME(ctanh(CMPLX(-INFINITY, -1)), -1.0, -0.0);
  CHECK_CSAME(ctanh(CMPLX(NAN, 0.0)), NAN, 0.0);
  CHECK_CSAME(ctanh(CMPLX(1000, 2)), 1.0, -0.0);
  CHECK_CSAME(ctan(CMPLX(0.0, INFINITY)), 0.0, 1.0);
  CHECK_CSAME(csin(CMPLX(-0.0, 0.0)), -0.0, 0.0);
  CHECK_CSAME(ccos(CMPLX(0.0, 0.0)), 1.0, -0.0);
  CHECK_CSAME(casin(CMPLX(-0.0, 0.0)), -0.0, 0.0);
  CHECK_CSAME(cacos(CMPLX(0.0, 0.0)), 1.5707963267948966, -0.0);
  CHECK_CSAME(cacos(CMPLX(-INFINITY, 1)), 3.141592653589793, -INFINITY);
  CHECK_CSAME(cacos(CMPLX(INFINITY, INFINITY)), 0.7853981633974483, -INFINITY);
  CHECK_CSAME(cacos(CMPLX(NAN, INFINITY)), NAN, -INFINITY);
  CHECK_CSAME(casinh(CMPLX(INFINITY, 1)), INFINITY, 0.0);
  CHECK_CSAME(casinh(CMPLX(1, INFINITY)), INFINITY, 1.5707963267948966);
  CHECK_CSAME(casinh(CMPLX(NAN, 0.0)), NAN, 0.0);
  CHECK_CSAME(cacosh(CMPLX(0.0, 0.0)), 0.0, 1.5707963267948966);
  CHECK_CSAME(cacosh(CMPLX(-INFINITY, 1)), INFINITY, 3.141592653589793);
  CHECK_CSAME(cacosh(CMPLX(NAN, INFINITY)), INFINITY, NAN);
  CHECK_CSAME(catanh(CMPLX(0.0, 0.0)), 0.0, 0.0);
  CHECK_CSAME(catanh(CMPLX(INFINITY, 2)), 0.0, 1.5707963267948966);
  CHECK_CSAME(catanh(CMPLX(NAN, INFINITY)), 0.0, 1.5707963267948966);
  CHECK_CSAME(catan(CMPLX(0.0, 0.0)), 0.0, 0.0);
  feclearexcept(FE_ALL_EXCEPT);
  CHECK_CSAME(catanh(CMPLX(1, 0.0)), INFINITY, 0.0);
  CHECK(fetestexcept(FE_DIVBYZERO));
  CHECK_CSAME(cpow(CMPLX(0, 0), CMPLX(2, 0)), 0.0, 0.0);
  CHECK_CSAME(cpow(CMPLX(NAN, 1), CMPLX(0, 0)), 1.0, 0.0);

  /* Found by the differential test against glibc (tests/tests/complex_diff.rs).
   * Exactly real arguments stay real past the overflow of sinh and cosh. */
  CHECK_CSAME(csinh(CMPLX(D(1e10), 0.0)), INFINITY, 0.0);
  CHECK_CSAME(ccosh(CMPLX(D(-1e10), 0.0)), INFINITY, -0.0);
  CHECK_CSAME(csin(CMPLX(-0.0, D(1e10))), -0.0, INFINITY);
  /* e^|x| / 2 overflows where its products with cos y and sin y need not. */
  CHECK_SAME(creal(csinh(CMPLX(D(-750), 0x1p-1074))), -INFINITY);
  CHECK_NEAR(cimag(csinh(CMPLX(D(-750), 0x1p-1074))), 129.9020750888268709796378L, 0x1p-50L);
  CHECK_NEAR(creall(ccoshl(CMPLXL(L(-11400), 0xc.90fdaa22168c235p-3L))), -1.136160038470647335436527e+4931L, 0x1p-60L);
  /* tanh(+-0 + iy) is purely imaginary even where tan y is NaN (DR 471). */
  CHECK_CSAME(ctanh(CMPLX(D(0.0), INFINITY)), 0.0, NAN);
  CHECK_CSAME(ctanhf(CMPLXF(F(-0.0f), NAN)), -0.0f, NAN);
  CHECK_CSAME(ctan(CMPLX(INFINITY, D(0.0))), NAN, 0.0);
  /* |z| subnormal or beyond DBL_MAX. */
  CHECK_NEAR(creal(clog(CMPLX(D(0x1p-1074), 0x1p-1074))), -744.0934983311012896593987L, 0x1p-52L);
  CHECK_NEAR(creal(clog(CMPLX(D(DBL_MAX), DBL_MAX))), 710.129286483663969386932L, 0x1p-52L);
  CHECK_NEAR(creal(casinh(CMPLX(D(DBL_MAX), DBL_MAX))), 710.8224336642239146963492L, 0x1p-52L);
  CHECK_NEAR(creal(catanh(CMPLX(D(DBL_MAX), DBL_MAX))), 2.78134232313400203765382e-309L, 0x1p-40L);
  /* Near the unit circle, where x^2 + y^2 - 1 cancels. */
  CHECK_NEAR(creal(clog(CMPLX(D(-0.75004578356558), 0.6613859104603729))), 6.562919108686326711686436e-16L, 0x1p-50L);
  /* Imaginary parts whose squares underflow. */
  CHECK_NEAR(cimag(casin(CMPLX(D(0.5), 1e-300))), 1.154700538379251557954044e-300L, 0x1p-50L);
  CHECK_NEAR(cimag(casin(CMPLX(D(1), 0x1p-1074))), 2.222758749485077483442713e-162L, 0x1p-50L);
  CHECK_NEAR(cimag(cacos(CMPLX(D(1), 0x1p-1074))), -2.222758749485077483442713e-162L, 0x1p-50L);
  CHECK_NEAR(creal(catanh(CMPLX(D(1), 0x1p-1074))), 372.5666095509706038117623L, 0x1p-50L);

  /* float and long double keep the range of their type. */
  CHECK_C(cexpl(CMPLXL(11000, 0)), 0xc838961a26b2addap15806L, 0, 0x1p-62L);
  CHECK(isinf(crealf(cexpf(CMPLXF(100, 0)))));
  return test_summary();
}
