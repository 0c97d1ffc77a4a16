/* The program complex_diff.rs builds twice, against glibc and against this
 * library. It evaluates every <complex.h> function in its three precisions
 * on the same 10^5 inputs: first every pair of edge values (x + iy for x
 * and y among zeros, ones, infinities, NaNs, subnormals, the largest
 * values, ...), then pseudo-random points from a fixed seed, drawn from
 * where the functions are hard: branch cuts with zeros of both signs, near
 * the unit circle and near +-1 and +-i, overflow ranges, any finite bit
 * pattern. It writes the raw results as the records of ../twin.h: per
 * function "name.re" and "name.im", or "name" for the real-valued ones,
 * and before them the inputs (see main). Inputs are made by integer and
 * floating arithmetic only, never by a library call, so both builds see
 * the same ones. */
#include "../twin.h"
#include <complex.h>
#include <float.h>
#include <math.h>

#define N 100000

static long double sign(void) { return next() >> 63 ? -1.0L : 1.0L; }

enum type { D, F, L };

/* Edge values, the same ones in each type where they fit, each type's own
 * extremes otherwise. */
#define NE 32
static const double edges_d[NE] = {
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 0x1.0000000000001p0, -0x1.0000000000001p0,
    0x1.fffffffffffffp-1, -0x1.fffffffffffffp-1, 3.141592653589793, -1.5707963267948966, 1e-10, -1e-10,
    1e10, -1e10, 710.0, -750.0, INFINITY, -INFINITY, NAN, -NAN, 0x1p-1074, -0x1p-1074, 0x1p-1022,
    -0x1p-1022, DBL_MAX, -DBL_MAX, 1e-300, 1e300};
static const float edges_f[NE] = {
    0.0f, -0.0f, 1.0f, -1.0f, 0.5f, -0.5f, 2.0f, -2.0f, 0x1.000002p0f, -0x1.000002p0f, 0x1.fffffep-1f,
    -0x1.fffffep-1f, 3.14159265f, -1.57079633f, 1e-10f, -1e-10f, 1e10f, -1e10f, 89.0f, -104.0f, INFINITY,
    -INFINITY, NAN, -NAN, 0x1p-149f, -0x1p-149f, 0x1p-126f, -0x1p-126f, FLT_MAX, -FLT_MAX, 1e-30f, 1e30f};
static const long double edges_l[NE] = {
    0.0L, -0.0L, 1.0L, -1.0L, 0.5L, -0.5L, 2.0L, -2.0L, 0x1.0000000000000002p0L, -0x1.0000000000000002p0L,
    0x1.fffffffffffffffep-1L, -0x1.fffffffffffffffep-1L, 3.14159265358979323846L, -1.57079632679489661923L,
    1e-10L, -1e-10L, 1e10L, -1e10L, 11357.0L, -11400.0L, INFINITY, -INFINITY, NAN, -NAN, 0x1p-16445L,
    -0x1p-16445L, 0x1p-16382L, -0x1p-16382L, LDBL_MAX, -LDBL_MAX, 1e-4000L, 1e4000L};

static long double edge(enum type t, int i) {
  return t == D ? edges_d[i] : t == F ? edges_f[i] : edges_l[i];
}

/* 2^-k, k >= 0. */
static long double halves(int k) {
  long double p = 1;
  while (k-- > 0) p *= 0.5L;
  return p;
}

/* A finite value of type t with a uniformly drawn exponent. */
static long double wide(enum type t) {
  uint64_t b = next();
  if (t == D) {
    double d;
    memcpy(&d, &b, 8);
    return d - d == 0 ? d : 1.5;
  }
  if (t == F) {
    uint32_t u = (uint32_t)(b >> 32);
    float f;
    memcpy(&f, &u, 4);
    return f - f == 0 ? f : 1.5f;
  }
  unsigned e = (unsigned)(next() % 0x7fff) | (b >> 63 ? 0x8000 : 0);
  uint64_t m = e & 0x7fff ? b | 1ull << 63 : b & ~(1ull << 63);
  long double l = 0;
  memcpy(&l, &m, 8);
  memcpy((char *)&l + 8, &e, 2);
  return l;
}

/* A uniform draw in [a, b]; for long double with the low mantissa bits
 * filled, so that inputs use the whole 64-bit precision. */
static long double draw(enum type t, double a, double b) {
  long double v = uniform(a, b);
  if (t == L && v != 0) v += v * 0x1p-53L * (long double)unit();
  return v;
}

/* Where a function's inputs are drawn beyond the common mixture: ARG
 * functions are wanted on the whole plane; EXP functions (cexp and the
 * hyperbolic ones) also for real parts up to overflow, TRIG functions for
 * imaginary parts up to overflow. */
enum gen { ARG, EXP, TRIG };

/* The real part at which e^x overflows or underflows, roughly. */
static double exp_range(enum type t, int high) {
  if (t == F) return high ? 90 : -105;
  if (t == L) return high ? 11360 : -11400;
  return high ? 712 : -750;
}

/* The i-th random point (i >= NE * NE). */
static void random_point(enum type t, enum gen g, long double *x, long double *y) {
  double r = unit();
  if (g != ARG && r < 0.3) {
    *x = draw(t, exp_range(t, 0), exp_range(t, 1));
    *y = unit() < 0.5 ? draw(t, -10, 10) : wide(t);
    if (g == TRIG) {
      long double s = *x;
      *x = *y;
      *y = s;
    }
    return;
  }
  r = unit();
  if (r < 0.35) {
    *x = draw(t, -4, 4);
    *y = draw(t, -4, 4);
  } else if (r < 0.5) {
    *x = wide(t);
    *y = wide(t);
  } else if (r < 0.6) {
    /* Parts of very different magnitudes. */
    *x = draw(t, -4, 4);
    *y = wide(t);
    if (unit() < 0.5) {
      long double s = *x;
      *x = *y;
      *y = s;
    }
  } else if (r < 0.72) {
    /* On an axis, where the branch cuts are: the zero's sign picks the side. */
    *x = unit() < 0.5 ? draw(t, -4, 4) : wide(t);
    *y = 0.0L * sign();
    if (unit() < 0.5) {
      long double s = *x;
      *x = *y;
      *y = s;
    }
  } else if (r < 0.84) {
    /* Near the unit circle, where log|z| cancels: the rational point
     * ((1 - u^2) + 2ui) / (1 + u^2), moved off by up to 2^-k. */
    long double u = draw(t, -3, 3), d = 1 + u * u;
    long double k = 1 + draw(t, -1, 1) * halves((int)(next() % 70));
    *x = sign() * k * (1 - u * u) / d;
    *y = sign() * k * 2 * u / d;
  } else if (r < 0.94) {
    /* Near +-1 or +-i, where the inverse functions have their branch points. */
    *x = sign() * (1 + draw(t, -1, 1) * halves((int)(next() % 70)));
    *y = draw(t, -1, 1) * halves((int)(next() % 70));
    if (unit() < 0.5) {
      long double s = *x;
      *x = *y;
      *y = s;
    }
  } else {
    /* Small, where the functions are near their Taylor series. */
    *x = draw(t, -1, 1) * halves((int)(next() % 40));
    *y = draw(t, -1, 1) * halves((int)(next() % 40));
  }
}

static void input(enum type t, enum gen g, int i, long double *x, long double *y) {
  if (i < NE * NE) {
    *x = edge(t, i / NE);
    *y = edge(t, i % NE);
  } else {
    random_point(t, g, x, y);
  }
}

/* Writes a record named base + suffix + part of `count` values of `width`
 * bytes each (16 for long double, whose padding stays zero). */
static void record(const char *base, const char *suffix, const char *part, char kind, const void *values,
                   size_t width, uint64_t count) {
  const char *const pieces[] = {base, suffix, part};
  char name[64];
  size_t n = 0;
  for (int k = 0; k < 3; k++) {
    size_t len = strlen(pieces[k]);
    memcpy(name + n, pieces[k], len);
    n += len;
  }
  name[n] = '\0';
  header(name, kind, count);
  for (uint64_t i = 0; i < count; i++) out((const char *)values + i * width, width);
}

/* One function's results (or inputs) in its type: up to four parts. */
static double rd[4][N];
static float rf[4][N];
static long double rl[4][N];

static void store(enum type t, int part, int i, long double v) {
  if (t == D) rd[part][i] = (double)v;
  if (t == F) rf[part][i] = (float)v;
  if (t == L) rl[part][i] = v;
}

/* Writes parts of the stored values as records base + suffix + part name. */
static void results(const char *base, const char *suffix, enum type t, const char *const *parts, int nparts) {
  for (int p = 0; p < nparts; p++) {
    if (t == D) record(base, suffix, parts[p], 'd', rd[p], 8, N);
    if (t == F) record(base, suffix, parts[p], 'f', rf[p], 4, N);
    if (t == L) record(base, suffix, parts[p], 'l', rl[p], 16, N);
  }
}

static const char *const type_suffixes[] = {"", "f", "l"};
static const char *const type_names[] = {".d", ".f", ".l"};
static const char *const complex_parts[] = {".re", ".im", ".wre", ".wim"};
static const char *const real_part[] = {""};

struct cfn {
  const char *name;
  enum gen g;
  double complex (*d)(double complex);
  float complex (*f)(float complex);
  long double complex (*l)(long double complex);
};
#define C3(name, g) {#name, g, name, name##f, name##l}
static const struct cfn cfns[] = {
    C3(cacos, ARG), C3(cacosh, ARG), C3(casin, ARG), C3(casinh, ARG), C3(catan, ARG), C3(catanh, ARG),
    C3(ccos, TRIG), C3(ccosh, EXP), C3(cexp, EXP), C3(clog, ARG), C3(conj, ARG), C3(cproj, ARG),
    C3(csin, TRIG), C3(csinh, EXP), C3(csqrt, ARG), C3(ctan, TRIG), C3(ctanh, EXP),
};

struct rfn {
  const char *name;
  double (*d)(double complex);
  float (*f)(float complex);
  long double (*l)(long double complex);
};
#define R3(name) {#name, name, name##f, name##l}
static const struct rfn rfns[] = {R3(cabs), R3(carg), R3(cimag), R3(creal)};

/* Exponents for cpow's edge inputs. */
static const double cpow_w[][2] = {{2, 0}, {0.5, 0}, {-1, 0}, {0, 0}, {1.5, 0.25}, {0, 1}, {-0.0, -2}};

static void cpow_input(enum type t, int i, long double *x, long double *y, long double *u, long double *v) {
  input(t, ARG, i, x, y);
  if (i < NE * NE) {
    int k = i % (int)(sizeof(cpow_w) / sizeof(cpow_w[0]));
    *u = cpow_w[k][0];
    *v = cpow_w[k][1];
    return;
  }
  double r = unit();
  if (r < 0.5) {
    *u = draw(t, -4, 4);
    *v = draw(t, -2, 2);
  } else if (r < 0.75) {
    *u = (int)uniform(-10, 10);
    *v = 0;
  } else {
    *u = draw(t, -4, 4);
    *v = 0;
  }
}

int main(void) {
  /* Each function and type starts from the same seed: the float, double
   * and long double forms see the same points, rounded, and so do the
   * functions of one `enum gen`, whose inputs come first as records
   * "input.<gen>.<d|f|l>.re" and ".im". */
  static const char *const gen_names[] = {"input.arg", "input.exp", "input.trig"};
  for (enum gen g = ARG; g <= TRIG; g++) {
    for (enum type t = D; t <= L; t++) {
      state = TWIN_SEED;
      for (int i = 0; i < N; i++) {
        long double x, y;
        input(t, g, i, &x, &y);
        store(t, 0, i, x);
        store(t, 1, i, y);
      }
      results(gen_names[g], type_names[t], t, complex_parts, 2);
    }
  }
  for (unsigned k = 0; k < sizeof(cfns) / sizeof(cfns[0]); k++) {
    const struct cfn *f = &cfns[k];
    for (enum type t = D; t <= L; t++) {
      state = TWIN_SEED;
      for (int i = 0; i < N; i++) {
        long double x, y, re, im;
        input(t, f->g, i, &x, &y);
        if (t == D) {
          double complex r = f->d(CMPLX((double)x, (double)y));
          re = __real__ r;
          im = __imag__ r;
        } else if (t == F) {
          float complex r = f->f(CMPLXF((float)x, (float)y));
          re = __real__ r;
          im = __imag__ r;
        } else {
          long double complex r = f->l(CMPLXL(x, y));
          re = __real__ r;
          im = __imag__ r;
        }
        store(t, 0, i, re);
        store(t, 1, i, im);
      }
      results(f->name, type_suffixes[t], t, complex_parts, 2);
    }
  }
  for (unsigned k = 0; k < sizeof(rfns) / sizeof(rfns[0]); k++) {
    const struct rfn *f = &rfns[k];
    for (enum type t = D; t <= L; t++) {
      state = TWIN_SEED;
      for (int i = 0; i < N; i++) {
        long double x, y;
        input(t, ARG, i, &x, &y);
        if (t == D) store(t, 0, i, f->d(CMPLX((double)x, (double)y)));
        if (t == F) store(t, 0, i, f->f(CMPLXF((float)x, (float)y)));
        if (t == L) store(t, 0, i, f->l(CMPLXL(x, y)));
      }
      results(f->name, type_suffixes[t], t, real_part, 1);
    }
  }
  /* cpow's inputs z and w, as "input.cpow.<d|f|l>" parts .re, .im, .wre
   * and .wim, then its results. */
  for (enum type t = D; t <= L; t++) {
    state = TWIN_SEED;
    for (int i = 0; i < N; i++) {
      long double x, y, u, v;
      cpow_input(t, i, &x, &y, &u, &v);
      store(t, 0, i, x);
      store(t, 1, i, y);
      store(t, 2, i, u);
      store(t, 3, i, v);
    }
    results("input.cpow", type_names[t], t, complex_parts, 4);
    state = TWIN_SEED;
    for (int i = 0; i < N; i++) {
      long double x, y, u, v, re, im;
      cpow_input(t, i, &x, &y, &u, &v);
      if (t == D) {
        double complex r = cpow(CMPLX((double)x, (double)y), CMPLX((double)u, (double)v));
        re = __real__ r;
        im = __imag__ r;
      } else if (t == F) {
        float complex r = cpowf(CMPLXF((float)x, (float)y), CMPLXF((float)u, (float)v));
        re = __real__ r;
        im = __imag__ r;
      } else {
        long double complex r = cpowl(CMPLXL(x, y), CMPLXL(u, v));
        re = __real__ r;
        im = __imag__ r;
      }
      store(t, 0, i, re);
      store(t, 1, i, im);
    }
    results("cpow", type_suffixes[t], t, complex_parts, 2);
  }
  flush();
  return 0;
}
