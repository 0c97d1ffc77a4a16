/* The program math_exact.rs builds with cloudabi-cc: it evaluates this
 * library's math functions on the inputs exact.py generates. Standard input
 * is a sequence of records: function name, NUL, count (8 bytes, little
 * endian), then count argument tuples as raw bits (double 8 bytes, float 4,
 * long double 16 in the x87 layout). Standard output gets, per record, the
 * name, NUL, the count and the count results in the same encoding, so no
 * value goes through a decimal conversion. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef double (*d1_fn)(double);
typedef double (*d2_fn)(double, double);
typedef double (*d3_fn)(double, double, double);
typedef float (*f1_fn)(float);
typedef float (*f2_fn)(float, float);
typedef long double (*l1_fn)(long double);
typedef long double (*l2_fn)(long double, long double);

/* One function: its name and exactly one non-null pointer, whose type says
 * how many arguments of which type it takes. */
struct function {
  const char *name;
  d1_fn d1;
  d2_fn d2;
  d3_fn d3;
  f1_fn f1;
  f2_fn f2;
  l1_fn l1;
  l2_fn l2;
};

#define D1(f) {#f, .d1 = f}
#define D2(f) {#f, .d2 = f}
#define F1(f) {#f, .f1 = f}
#define F2(f) {#f, .f2 = f}
#define L1(f) {#f, .l1 = f}
#define L2(f) {#f, .l2 = f}

static const struct function functions[] = {
    D1(exp),   D1(exp2),   D1(expm1),   D1(log),   D1(log2),   D1(log10),  D1(log1p), D1(sin),
    D1(cos),   D1(tan),    D1(asin),    D1(acos),  D1(atan),   D2(atan2),  D1(sinh),  D1(cosh),
    D1(tanh),  D1(asinh),  D1(acosh),   D1(atanh), D2(pow),    D2(hypot),  D1(cbrt),  D1(erf),
    D1(erfc),  D1(lgamma), D1(tgamma),  D1(sqrt),  {"fma", .d3 = fma},     F1(expf),  F1(logf),
    F1(sinf),  F1(cosf),   F2(powf),    F1(sqrtf), F1(erff),   F1(lgammaf), L1(expl), L1(logl),
    L1(sinl),  L2(powl),   L1(erfl),    L1(erfcl), L1(lgammal), L1(tgammal),
};

static void fail(const char *why) {
  write(2, why, strlen(why));
  write(2, "\n", 1);
  exit(1);
}

static unsigned char *read_all(size_t *len) {
  size_t cap = 1 << 20, n = 0;
  unsigned char *buf = malloc(cap);
  for (;;) {
    if (buf == NULL) fail("eval: out of memory");
    ssize_t got = read(0, buf + n, cap - n);
    if (got < 0) fail("eval: read failed");
    if (got == 0) break;
    n += (size_t)got;
    if (n == cap) buf = realloc(buf, cap *= 2);
  }
  *len = n;
  return buf;
}

static void write_all(const void *p, size_t n) {
  const unsigned char *b = p;
  while (n > 0) {
    ssize_t put = write(1, b, n);
    if (put <= 0) fail("eval: write failed");
    b += put;
    n -= (size_t)put;
  }
}

/* Argument and result sizes: long double travels as 16 bytes of which the
 * x87 format uses the first 10. */
static size_t arity(const struct function *f) {
  return f->d3 ? 3 : f->d2 || f->f2 || f->l2 ? 2 : 1;
}

static size_t width(const struct function *f) {
  return f->f1 || f->f2 ? sizeof(float) : f->l1 || f->l2 ? 16 : sizeof(double);
}

/* Evaluates one argument tuple at `in` and stores the result at `out`. */
static void evaluate(const struct function *f, const unsigned char *in, unsigned char *out) {
  double d[3];
  float s[2];
  long double l[2];
  size_t w = width(f);
  for (size_t i = 0; i < arity(f); i++) {
    if (w == sizeof(float)) memcpy(&s[i], in + i * w, w);
    else if (w == 16) memcpy(&l[i], in + i * w, 10);
    else memcpy(&d[i], in + i * w, w);
  }
  if (f->d1) d[0] = f->d1(d[0]);
  else if (f->d2) d[0] = f->d2(d[0], d[1]);
  else if (f->d3) d[0] = f->d3(d[0], d[1], d[2]);
  else if (f->f1) s[0] = f->f1(s[0]);
  else if (f->f2) s[0] = f->f2(s[0], s[1]);
  else if (f->l1) l[0] = f->l1(l[0]);
  else l[0] = f->l2(l[0], l[1]);
  memset(out, 0, w);
  if (w == sizeof(float)) memcpy(out, &s[0], w);
  else if (w == 16) memcpy(out, &l[0], 10);
  else memcpy(out, &d[0], w);
}

int main(void) {
  size_t len;
  unsigned char *in = read_all(&len);
  size_t p = 0;
  while (p < len) {
    const unsigned char *nul = memchr(in + p, 0, len - p);
    if (nul == NULL || (size_t)(nul - in) + 9 > len) fail("eval: truncated record header");
    const char *name = (const char *)in + p;
    const struct function *f = NULL;
    for (size_t i = 0; i < sizeof(functions) / sizeof(functions[0]); i++)
      if (strcmp(functions[i].name, name) == 0) f = &functions[i];
    if (f == NULL) fail("eval: unknown function");
    size_t header = (size_t)(nul - in) - p + 9;
    uint64_t count;
    memcpy(&count, nul + 1, 8);
    size_t w = width(f), stride = arity(f) * w;
    p += header;
    if (count > (len - p) / stride) fail("eval: truncated arguments");
    unsigned char *out = malloc(header + count * w);
    if (out == NULL) fail("eval: out of memory");
    memcpy(out, name, header);
    for (uint64_t i = 0; i < count; i++) evaluate(f, in + p + i * stride, out + header + i * w);
    write_all(out, header + count * w);
    free(out);
    p += count * stride;
  }
  return 0;
}
