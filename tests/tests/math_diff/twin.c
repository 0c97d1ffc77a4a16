/* The program math_diff.rs builds twice, against glibc and against this
 * library. It evaluates the math functions on the same inputs (edge values,
 * then pseudo-random values from a fixed seed, drawn from ranges that
 * matter for each function) and writes the raw results to standard output
 * as the records of ../twin.h. */
#include "../twin.h"
#include <math.h>

#ifndef N
#define N 100000
#endif

/* Any double bit pattern, NaNs and infinities included. */
static double any_bits(void) {
  uint64_t b = next();
  double d;
  memcpy(&d, &b, 8);
  return d;
}

/* A finite double with a uniformly drawn exponent. */
static double any_finite(void) {
  double d = any_bits();
  return isfinite(d) ? d : 1.5;
}

static double positive(void) { return fabs(any_finite()); }

static const double edges[] = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, INFINITY, -INFINITY, NAN,
                               0x1p-1074, -0x1p-1074, 0x1p-1022, -0x1p-1022, 0x1.fffffffffffffp1023,
                               -0x1.fffffffffffffp1023, 3.141592653589793, 1e-300, 1e300, 0.1, 10.0};
#define NEDGES (sizeof(edges) / sizeof(edges[0]))

enum gen { ANY, EXP, EXP2, LOG, TRIG, UNIT, HYP, ACOSH, ERF, TGAMMA, LGAMMA_POS, LGAMMA_NEG, BESSEL, ROUND, TOINT, CBRT };

/* The i-th input for a generator: edges first, then random draws. */
static double input(enum gen g, int i, int is_float) {
  if (i < (int)NEDGES) return edges[i];
  double fr = is_float ? 0.125 : 1.0; /* float ranges are narrower */
  double r = unit();
  switch (g) {
  case ANY:
    return any_bits();
  case EXP:
    return r < 0.8 ? uniform(-750 * fr, 715 * fr) : any_finite();
  case EXP2:
    return r < 0.8 ? uniform(-1080 * fr, 1030 * fr) : any_finite();
  case LOG:
    return r < 0.5 ? positive() : r < 0.8 ? uniform(0.5, 2) : uniform(0, 100);
  case TRIG:
    return r < 0.4 ? uniform(-10, 10) : r < 0.6 ? uniform(-1e6, 1e6) : any_finite();
  case UNIT:
    return r < 0.9 ? uniform(-1.05, 1.05) : any_finite();
  case HYP:
    return r < 0.6 ? uniform(-30, 30) : r < 0.9 ? uniform(-720 * fr, 720 * fr) : any_finite();
  case ACOSH:
    return r < 0.6 ? uniform(0.95, 10) : positive();
  case ERF:
    return r < 0.9 ? uniform(-8, 30 * (is_float ? 0.4 : 1.0)) : any_finite();
  case TGAMMA:
    return r < 0.7 ? uniform(0, 172 * (is_float ? 0.21 : 1.0)) : uniform(-180 * (is_float ? 0.2 : 1.0), 0);
  case LGAMMA_POS:
    return r < 0.8 ? uniform(0, 1000) : positive();
  case LGAMMA_NEG:
    return uniform(-50, 0);
  case BESSEL:
    return r < 0.8 ? uniform(0, 100) : positive();
  case ROUND:
    return r < 0.4 ? uniform(-1e6, 1e6) : r < 0.7 ? (double)(int64_t)uniform(-1e6, 1e6) + 0.5 : any_bits();
  case TOINT:
    return r < 0.5 ? uniform(-1e6, 1e6) : r < 0.8 ? (double)(int64_t)uniform(-1e6, 1e6) + 0.5 : uniform(-1e19, 1e19);
  case CBRT:
    return any_bits();
  }
  return 0;
}

/* A long double input: the double one, with the low mantissa bits filled
 * so that inputs use the whole 64-bit precision. */
static long double input_l(enum gen g, int i) {
  double d = input(g, i, 0);
  if (i < (int)NEDGES || !isfinite(d) || d == 0) return d;
  long double l = d;
  return l + l * 0x1p-53L * (long double)unit();
}

static void out_l(long double v) {
  char b[16] = {0};
  memcpy(b, &v, 10);
  out(b, 16);
}

static void out_i(int64_t v) { out(&v, 8); }

struct d1 { const char *name; double (*f)(double); enum gen g; };
struct f1 { const char *name; float (*f)(float); enum gen g; };
struct l1 { const char *name; long double (*f)(long double); enum gen g; };

static const struct d1 d1s[] = {
    {"exp", exp, EXP}, {"exp2", exp2, EXP2}, {"expm1", expm1, EXP}, {"log", log, LOG}, {"log2", log2, LOG},
    {"log10", log10, LOG}, {"log1p", log1p, LOG}, {"sin", sin, TRIG}, {"cos", cos, TRIG}, {"tan", tan, TRIG},
    {"asin", asin, UNIT}, {"acos", acos, UNIT}, {"atan", atan, ANY}, {"sinh", sinh, HYP}, {"cosh", cosh, HYP},
    {"tanh", tanh, HYP}, {"asinh", asinh, ANY}, {"acosh", acosh, ACOSH}, {"atanh", atanh, UNIT},
    {"sqrt", sqrt, ANY}, {"cbrt", cbrt, CBRT}, {"erf", erf, ERF}, {"erfc", erfc, ERF}, {"tgamma", tgamma, TGAMMA},
    {"lgamma(x>0)", lgamma, LGAMMA_POS}, {"lgamma(x<0)", lgamma, LGAMMA_NEG}, {"j0", j0, BESSEL}, {"j1", j1, BESSEL},
    {"y0", y0, BESSEL}, {"y1", y1, BESSEL}, {"floor", floor, ROUND}, {"ceil", ceil, ROUND}, {"trunc", trunc, ROUND},
    {"round", round, ROUND}, {"rint", rint, ROUND}, {"nearbyint", nearbyint, ROUND}, {"fabs", fabs, ANY},
    {"logb", logb, ANY},
};

static const struct f1 f1s[] = {
    {"expf", expf, EXP}, {"exp2f", exp2f, EXP2}, {"expm1f", expm1f, EXP}, {"logf", logf, LOG},
    {"log2f", log2f, LOG}, {"log10f", log10f, LOG}, {"log1pf", log1pf, LOG}, {"sinf", sinf, TRIG},
    {"cosf", cosf, TRIG}, {"tanf", tanf, TRIG}, {"asinf", asinf, UNIT}, {"acosf", acosf, UNIT},
    {"atanf", atanf, ANY}, {"sinhf", sinhf, HYP}, {"coshf", coshf, HYP}, {"tanhf", tanhf, HYP},
    {"asinhf", asinhf, ANY}, {"acoshf", acoshf, ACOSH}, {"atanhf", atanhf, UNIT}, {"sqrtf", sqrtf, ANY},
    {"cbrtf", cbrtf, CBRT}, {"erff", erff, ERF}, {"erfcf", erfcf, ERF}, {"tgammaf", tgammaf, TGAMMA},
    {"lgammaf(x>0)", lgammaf, LGAMMA_POS}, {"floorf", floorf, ROUND}, {"ceilf", ceilf, ROUND},
    {"truncf", truncf, ROUND}, {"roundf", roundf, ROUND}, {"rintf", rintf, ROUND},
};

static const struct l1 l1s[] = {
    {"expl", expl, EXP}, {"exp2l", exp2l, EXP2}, {"expm1l", expm1l, EXP}, {"logl", logl, LOG},
    {"log2l", log2l, LOG}, {"log10l", log10l, LOG}, {"log1pl", log1pl, LOG}, {"sinl", sinl, TRIG},
    {"cosl", cosl, TRIG}, {"tanl", tanl, TRIG}, {"asinl", asinl, UNIT}, {"acosl", acosl, UNIT},
    {"atanl", atanl, ANY}, {"sinhl", sinhl, HYP}, {"coshl", coshl, HYP}, {"tanhl", tanhl, HYP},
    {"asinhl", asinhl, ANY}, {"acoshl", acoshl, ACOSH}, {"atanhl", atanhl, UNIT}, {"sqrtl", sqrtl, ANY},
    {"cbrtl", cbrtl, CBRT}, {"erfl", erfl, ERF}, {"erfcl", erfcl, ERF}, {"tgammal", tgammal, TGAMMA},
    {"lgammal(x>0)", lgammal, LGAMMA_POS}, {"floorl", floorl, ROUND}, {"ceill", ceill, ROUND},
    {"truncl", truncl, ROUND}, {"roundl", roundl, ROUND}, {"rintl", rintl, ROUND},
};

/* Two-argument inputs: x and y drawn per function. */
enum gen2 { POW, ANY2, FMOD };

static void input2(enum gen2 g, int i, double *x, double *y) {
  if (i < (int)(NEDGES * NEDGES)) {
    *x = edges[i / NEDGES];
    *y = edges[i % NEDGES];
    return;
  }
  double r = unit();
  switch (g) {
  case POW:
    if (r < 0.4) {
      *x = uniform(0, 10);
      *y = uniform(-300, 300);
    } else if (r < 0.6) {
      *x = uniform(0.9, 1.1);
      *y = uniform(-2000, 2000);
    } else if (r < 0.8) {
      *x = -uniform(0, 10);
      *y = (double)(int64_t)uniform(-300, 300);
    } else {
      *x = positive();
      *y = uniform(-2, 2);
    }
    return;
  case ANY2:
    *x = r < 0.5 ? any_bits() : uniform(-10, 10);
    *y = r < 0.5 ? any_bits() : uniform(-10, 10);
    return;
  case FMOD:
    *x = any_finite();
    *y = r < 0.5 ? any_finite() : uniform(-10, 10);
    return;
  }
}

struct d2 { const char *name; double (*f)(double, double); enum gen2 g; };
static const struct d2 d2s[] = {
    {"pow", pow, POW}, {"atan2", atan2, ANY2}, {"hypot", hypot, ANY2}, {"fmod", fmod, FMOD},
    {"remainder", remainder, FMOD}, {"fdim", fdim, ANY2}, {"fmax", fmax, ANY2}, {"fmin", fmin, ANY2},
    {"nextafter", nextafter, ANY2}, {"copysign", copysign, ANY2},
};

int main(void) {
  for (unsigned k = 0; k < sizeof(d1s) / sizeof(d1s[0]); k++) {
    header(d1s[k].name, 'd', N);
    for (int i = 0; i < N; i++) {
      double r = d1s[k].f(input(d1s[k].g, i, 0));
      out(&r, 8);
    }
  }
  for (unsigned k = 0; k < sizeof(f1s) / sizeof(f1s[0]); k++) {
    header(f1s[k].name, 'f', N);
    for (int i = 0; i < N; i++) {
      float r = f1s[k].f((float)input(f1s[k].g, i, 1));
      out(&r, 4);
    }
  }
  for (unsigned k = 0; k < sizeof(l1s) / sizeof(l1s[0]); k++) {
    header(l1s[k].name, 'l', N);
    for (int i = 0; i < N; i++) out_l(l1s[k].f(input_l(l1s[k].g, i)));
  }
  for (unsigned k = 0; k < sizeof(d2s) / sizeof(d2s[0]); k++) {
    header(d2s[k].name, 'd', N);
    for (int i = 0; i < N; i++) {
      double x, y;
      input2(d2s[k].g, i, &x, &y);
      double r = d2s[k].f(x, y);
      out(&r, 8);
    }
  }
  /* Float and long double twins of the two-argument core. */
  header("powf", 'f', N);
  for (int i = 0; i < N; i++) {
    double x, y;
    input2(POW, i, &x, &y);
    float r = powf((float)x, (float)(y * 0.125));
    out(&r, 4);
  }
  header("atan2f", 'f', N);
  for (int i = 0; i < N; i++) {
    double x, y;
    input2(ANY2, i, &x, &y);
    float r = atan2f((float)x, (float)y);
    out(&r, 4);
  }
  header("powl", 'l', N);
  for (int i = 0; i < N; i++) {
    double x, y;
    input2(POW, i, &x, &y);
    out_l(powl(x, y));
  }
  static const struct { const char *name; long double (*f)(long double, long double); enum gen2 g; } l2s[] = {
      {"atan2l", atan2l, ANY2}, {"hypotl", hypotl, ANY2}, {"fmodl", fmodl, FMOD}, {"remainderl", remainderl, FMOD}};
  for (unsigned k = 0; k < sizeof(l2s) / sizeof(l2s[0]); k++) {
    header(l2s[k].name, 'l', N);
    for (int i = 0; i < N; i++) {
      double x, y;
      input2(l2s[k].g, i, &x, &y);
      out_l(l2s[k].f((long double)x * (1 + 0x1p-60L), y));
    }
  }

  /* fma: random triples, and products cancelled by z (where one rounding
   * matters most). */
  header("fma", 'd', N);
  for (int i = 0; i < N; i++) {
    double x = any_finite() * 0x1p-600, y = uniform(-4, 4), z = unit() < 0.5 ? -(x * y) : any_finite() * 0x1p-600;
    double r = fma(x, y, z);
    out(&r, 8);
  }
  header("fmal", 'l', N);
  for (int i = 0; i < N; i++) {
    long double x = input_l(ANY, i + (int)NEDGES), y = uniform(-4, 4) + 0x1p-60L;
    long double z = unit() < 0.5 ? -(x * y) : input_l(ANY, i + (int)NEDGES);
    out_l(fmal(x, y, z));
  }

  /* Integer results and second outputs. */
  header("lrint", 'i', N);
  for (int i = 0; i < N; i++) out_i(lrint(input(TOINT, i, 0)));
  header("lround", 'i', N);
  for (int i = 0; i < N; i++) out_i(lround(input(TOINT, i, 0)));
  header("llrintf", 'i', N);
  for (int i = 0; i < N; i++) out_i(llrintf((float)input(TOINT, i, 1)));
  header("lrintl", 'i', N);
  for (int i = 0; i < N; i++) out_i(lrintl(input_l(TOINT, i)));
  header("llroundl", 'i', N);
  for (int i = 0; i < N; i++) out_i(llroundl(input_l(TOINT, i)));
  header("ilogb", 'i', N);
  for (int i = 0; i < N; i++) {
    double x = any_finite();
    out_i(ilogb(x == 0 ? 1 : x));
  }
  header("frexp", 'd', N);
  for (int i = 0; i < N; i++) {
    int e;
    double r = frexp(input(ANY, i, 0), &e);
    out(&r, 8);
  }
  header("ldexp", 'd', N);
  for (int i = 0; i < N; i++) {
    double r = ldexp(input(ANY, i, 0), (int)uniform(-2200, 2200));
    out(&r, 8);
  }
  header("remquo", 'd', N);
  for (int i = 0; i < N; i++) {
    double x, y;
    int q;
    input2(FMOD, i, &x, &y);
    double r = remquo(x, y, &q);
    out(&r, 8);
  }
  header("modf", 'd', N);
  for (int i = 0; i < N; i++) {
    double ip;
    double r = modf(input(ROUND, i, 0), &ip);
    out(&r, 8);
  }
  flush();
  return 0;
}
