/* <tgmath.h>: C11 type-generic math, through gcc's __builtin_tgmath, which
 * applies the usual arithmetic conversions and picks the float, double,
 * long double or complex variant. C++ has overloads instead, so there the
 * header only brings in the two it is built on. */
#ifndef _TGMATH_H_
#define _TGMATH_H_

#include <complex.h>
#include <math.h>

#ifndef __cplusplus
#define __tg_real(__f, ...) __builtin_tgmath(__f##f, __f, __f##l, __VA_ARGS__)
#define __tg_both(__f, ...) \
  __builtin_tgmath(__f##f, __f, __f##l, c##__f##f, c##__f, c##__f##l, __VA_ARGS__)

#define acos(x) __tg_both(acos, x)
#define asin(x) __tg_both(asin, x)
#define atan(x) __tg_both(atan, x)
#define acosh(x) __tg_both(acosh, x)
#define asinh(x) __tg_both(asinh, x)
#define atanh(x) __tg_both(atanh, x)
#define cos(x) __tg_both(cos, x)
#define sin(x) __tg_both(sin, x)
#define tan(x) __tg_both(tan, x)
#define cosh(x) __tg_both(cosh, x)
#define sinh(x) __tg_both(sinh, x)
#define tanh(x) __tg_both(tanh, x)
#define exp(x) __tg_both(exp, x)
#define log(x) __tg_both(log, x)
#define pow(x, y) __tg_both(pow, x, y)
#define sqrt(x) __tg_both(sqrt, x)
#define fabs(x) __builtin_tgmath(fabsf, fabs, fabsl, cabsf, cabs, cabsl, x)

#define atan2(y, x) __tg_real(atan2, y, x)
#define cbrt(x) __tg_real(cbrt, x)
#define ceil(x) __tg_real(ceil, x)
#define copysign(x, y) __tg_real(copysign, x, y)
#define erf(x) __tg_real(erf, x)
#define erfc(x) __tg_real(erfc, x)
#define exp2(x) __tg_real(exp2, x)
#define expm1(x) __tg_real(expm1, x)
#define fdim(x, y) __tg_real(fdim, x, y)
#define floor(x) __tg_real(floor, x)
#define fma(x, y, z) __tg_real(fma, x, y, z)
#define fmax(x, y) __tg_real(fmax, x, y)
#define fmin(x, y) __tg_real(fmin, x, y)
#define fmod(x, y) __tg_real(fmod, x, y)
#define frexp(x, e) __tg_real(frexp, x, e)
#define hypot(x, y) __tg_real(hypot, x, y)
#define ilogb(x) __tg_real(ilogb, x)
#define ldexp(x, e) __tg_real(ldexp, x, e)
#define lgamma(x) __tg_real(lgamma, x)
#define llrint(x) __tg_real(llrint, x)
#define llround(x) __tg_real(llround, x)
#define log10(x) __tg_real(log10, x)
#define log1p(x) __tg_real(log1p, x)
#define log2(x) __tg_real(log2, x)
#define logb(x) __tg_real(logb, x)
#define lrint(x) __tg_real(lrint, x)
#define lround(x) __tg_real(lround, x)
#define nearbyint(x) __tg_real(nearbyint, x)
#define nextafter(x, y) __tg_real(nextafter, x, y)
#define nexttoward(x, y) __tg_real(nexttoward, x, y)
#define remainder(x, y) __tg_real(remainder, x, y)
#define remquo(x, y, q) __tg_real(remquo, x, y, q)
#define rint(x) __tg_real(rint, x)
#define round(x) __tg_real(round, x)
#define scalbn(x, e) __tg_real(scalbn, x, e)
#define scalbln(x, e) __tg_real(scalbln, x, e)
#define tgamma(x) __tg_real(tgamma, x)
#define trunc(x) __tg_real(trunc, x)

#define carg(z) __tg_real(carg, z)
#define cimag(z) __tg_real(cimag, z)
#define conj(z) __tg_real(conj, z)
#define cproj(z) __tg_real(cproj, z)
#define creal(z) __tg_real(creal, z)
#endif

#endif
