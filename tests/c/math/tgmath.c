/* tgmath.h: each macro picks the float, double, long double or complex
 * function from its arguments' types (integers count as double). */
#include <tgmath.h>
#include "mtest.h"

int main(void) {
  float f = F(2);
  double d = D(2);
  long double l = L(2);
  CHECK_EQ(sizeof(sqrt(f)), sizeof(float));
  CHECK_EQ(sizeof(sqrt(d)), sizeof(double));
  CHECK_EQ(sizeof(sqrt(l)), sizeof(long double));
  CHECK_EQ(sizeof(sqrt(2)), sizeof(double));
  CHECK_SAME(sqrt(f), sqrtf(2));
  CHECK_SAME(sqrt(l), sqrtl(2));
  CHECK_SAME(exp(l), expl(2));
  CHECK_SAME(pow(f, f), 4.0f);
  CHECK_EQ(sizeof(pow(f, d)), sizeof(double));
  CHECK_EQ(sizeof(atan2(f, l)), sizeof(long double));
  CHECK_EQ(sizeof(fma(f, f, f)), sizeof(float));
  CHECK_SAME(ldexp(f, 3), 16.0f);
  CHECK_EQ(sizeof(ldexp(f, 3)), sizeof(float));
  CHECK_EQ(sizeof(nexttoward(f, l)), sizeof(float));
  CHECK_EQ(sizeof(nexttoward(d, l)), sizeof(double));
  int e;
  CHECK_SAME(frexp(l, &e), 0.5L);
  CHECK_EQ(e, 2);
  CHECK_EQ(ilogb(f), 1);
  CHECK_EQ(lround(l), 2);
  int q;
  CHECK_SAME(remquo(D(7), D(2), &q), -1.0);

  float complex zf = CMPLXF(3, 4);
  double complex zd = CMPLX(3, 4);
  long double complex zl = CMPLXL(3, 4);
  CHECK_EQ(sizeof(sqrt(zf)), sizeof(float complex));
  CHECK_EQ(sizeof(exp(zl)), sizeof(long double complex));
  CHECK_SAME(fabs(zd), 5.0);
  CHECK_EQ(sizeof(fabs(zf)), sizeof(float));
  CHECK_SAME(creal(sqrt(zd)), 2.0);
  CHECK_SAME(cimag(sqrt(zl)), 1.0L);
  CHECK_EQ(sizeof(creal(zl)), sizeof(long double));
  CHECK_EQ(sizeof(pow(zf, d)), sizeof(double complex));
  CHECK_SAME(carg(d), 0.0);
  CHECK_SAME(cimag(conj(zf)), -4.0f);
  return test_summary();
}
