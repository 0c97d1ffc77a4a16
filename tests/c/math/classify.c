/* The classification and comparison macros of math.h, for float, double
 * and long double, on zeros, subnormals, normals, infinities and NaNs;
 * cloudlibc's FP_* values. */
#include "mtest.h"
#include <float.h>

int main(void) {
  CHECK_EQ(FP_INFINITE, 1);
  CHECK_EQ(FP_NAN, 2);
  CHECK_EQ(FP_NORMAL, 3);
  CHECK_EQ(FP_SUBNORMAL, 4);
  CHECK_EQ(FP_ZERO, 5);
  CHECK_EQ(fpclassify(D(0.0)), FP_ZERO);
  CHECK_EQ(fpclassify(F(-0.0f)), FP_ZERO);
  CHECK_EQ(fpclassify(D(DBL_TRUE_MIN)), FP_SUBNORMAL);
  CHECK_EQ(fpclassify(F(FLT_MIN / 2)), FP_SUBNORMAL);
  CHECK_EQ(fpclassify(L(LDBL_TRUE_MIN)), FP_SUBNORMAL);
  CHECK_EQ(fpclassify(L(LDBL_MIN)), FP_NORMAL);
  CHECK_EQ(fpclassify(D(-1e300)), FP_NORMAL);
  CHECK_EQ(fpclassify(F(INFINITY)), FP_INFINITE);
  CHECK_EQ(fpclassify(L(-HUGE_VALL)), FP_INFINITE);
  CHECK_EQ(fpclassify(D(NAN)), FP_NAN);
  CHECK(isfinite(D(DBL_MAX)) && !isfinite(D(HUGE_VAL)) && !isfinite(F(NAN)));
  CHECK(isinf(L(-INFINITY)) && !isinf(D(DBL_MAX)));
  CHECK(isnan(F(NAN)) && isnan(L(NAN)) && !isnan(D(INFINITY)));
  CHECK(isnormal(D(1)) && !isnormal(D(DBL_TRUE_MIN)) && !isnormal(D(0)));
  CHECK(signbit(D(-0.0)) && !signbit(F(0.0f)) && signbit(L(-NAN)) && !signbit(L(1)));
  CHECK(isgreater(D(2), D(1)) && !isgreater(D(NAN), D(1)));
  CHECK(isgreaterequal(F(1), F(1)) && isless(L(-1), L(0)) && islessequal(D(0), D(-0.0)));
  CHECK(islessgreater(D(1), D(2)) && !islessgreater(D(NAN), D(2)) && !islessgreater(D(0), D(-0.0)));
  CHECK(isunordered(D(NAN), D(1)) && !isunordered(D(1), D(2)));
  /* The comparison macros raise no invalid exception on quiet NaNs. */
  feclearexcept(FE_ALL_EXCEPT);
  CHECK(!isless(D(NAN), D(1)));
  CHECK_EQ(fetestexcept(FE_INVALID), 0);
  CHECK_SAME(HUGE_VAL, INFINITY);
  CHECK_SAME(HUGE_VALF, INFINITY);
  CHECK(isnan(NAN));
  CHECK_EQ(sizeof(float_t), sizeof(float));
  CHECK_EQ(sizeof(double_t), sizeof(double));
  CHECK(M_PI > 3.14159265358979 && M_PI < 3.1415926535898);
  CHECK_NEAR(M_SQRT2 * M_SQRT1_2, 1.0, 0x1p-52L);
  CHECK(finite(D(1)) && !finite(D(INFINITY)) && !finitef(F(NAN)));
  return test_summary();
}
