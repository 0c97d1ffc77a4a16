/* fenv.h: flags raised by SSE (double) and x87 (long double) arithmetic are
 * both seen; clear, raise, save and restore act on both; the rounding mode
 * applies to float, double and long double; environments nest. */
#include "test.h"
#include <fenv.h>

static volatile double vd;
static volatile long double vl;

static double dbl_div(double a, double b) {
  vd = a;
  vd = vd / b;
  return vd;
}

static long double ld_div(long double a, long double b) {
  vl = a;
  vl = vl / b;
  return vl;
}

int main(void) {
  CHECK_EQ(FE_ALL_EXCEPT, 0x3f);
  CHECK_EQ(feclearexcept(FE_ALL_EXCEPT), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);

  dbl_div(1, 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
  feclearexcept(FE_DIVBYZERO);
  ld_div(1, 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
  feclearexcept(FE_ALL_EXCEPT);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
  ld_div(1, 3);
  CHECK_EQ(fetestexcept(FE_INEXACT | FE_INVALID), FE_INEXACT);
  ld_div(0, 0);
  CHECK_EQ(fetestexcept(FE_INVALID), FE_INVALID);

  feclearexcept(FE_ALL_EXCEPT);
  CHECK_EQ(feraiseexcept(FE_OVERFLOW | FE_UNDERFLOW), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_UNDERFLOW);
  fexcept_t saved;
  CHECK_EQ(fegetexceptflag(&saved, FE_OVERFLOW), 0);
  feclearexcept(FE_ALL_EXCEPT);
  feraiseexcept(FE_INEXACT);
  CHECK_EQ(fesetexceptflag(&saved, FE_ALL_EXCEPT), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW);

  /* Rounding: 1/3 rounds down or up in every unit. */
  CHECK_EQ(fegetround(), FE_TONEAREST);
  CHECK_EQ(fesetround(FE_DOWNWARD), 0);
  CHECK_EQ(fegetround(), FE_DOWNWARD);
  double d_down = dbl_div(1, 3);
  long double l_down = ld_div(1, 3);
  CHECK_EQ(fesetround(FE_UPWARD), 0);
  double d_up = dbl_div(1, 3);
  long double l_up = ld_div(1, 3);
  CHECK(d_down < d_up);
  CHECK(l_down < l_up);
  CHECK_EQ(fesetround(FE_TOWARDZERO), 0);
  CHECK(dbl_div(-1, 3) == -d_down);
  CHECK(fesetround(0x1234) != 0);
  CHECK_EQ(fegetround(), FE_TOWARDZERO);

  /* Environments: hold clears the flags, update merges them back. */
  fenv_t env;
  feclearexcept(FE_ALL_EXCEPT);
  feraiseexcept(FE_INEXACT);
  CHECK_EQ(feholdexcept(&env), 0);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
  CHECK_EQ(fegetround(), FE_TOWARDZERO);
  fesetround(FE_UPWARD);
  ld_div(1, 0);
  CHECK_EQ(feupdateenv(&env), 0);
  CHECK_EQ(fegetround(), FE_TOWARDZERO);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT | FE_DIVBYZERO);

  CHECK_EQ(fegetenv(&env), 0);
  CHECK_EQ(fesetenv(FE_DFL_ENV), 0);
  CHECK_EQ(fegetround(), FE_TONEAREST);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
  CHECK_EQ(fesetenv(&env), 0);
  CHECK_EQ(fegetround(), FE_TOWARDZERO);
  CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), FE_INEXACT | FE_DIVBYZERO);
  CHECK(ld_div(-1, 3) > -l_up);
  fesetenv(FE_DFL_ENV);
  return test_summary();
}
