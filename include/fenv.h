/* <fenv.h>: C11 floating-point environment, x86_64.
 *
 * x86_64 has two floating-point units with state of their own: the x87
 * (long double) and SSE (float, double). The functions below act on both,
 * so an exception raised by either is seen, and a rounding mode set applies
 * to every type. Values are cloudlibc's: the exception bits are those of
 * both units' status registers, the rounding modes are MXCSR's field. */
#ifndef _FENV_H_
#define _FENV_H_

#include <_/cdefs.h>
#include <_/types.h>

/* The x87 environment as `fnstenv` stores it, then MXCSR. */
typedef struct {
  struct {
    __uint32_t __control;
    __uint32_t __status;
    __uint32_t __tag;
    __uint32_t __fpu_ipo;
    __uint32_t __fpu_ips;
    __uint32_t __fpu_dpo;
    __uint32_t __fpu_dps;
  } __x87;
  __uint32_t __mxcsr;
} fenv_t;

typedef struct {
  __uint8_t __exceptions;
} fexcept_t;

#define FE_INVALID 0x01
#define FE_DENORMAL 0x02
#define FE_DIVBYZERO 0x04
#define FE_OVERFLOW 0x08
#define FE_UNDERFLOW 0x10
#define FE_INEXACT 0x20
#define FE_ALL_EXCEPT                                                     \
  (FE_INVALID | FE_DENORMAL | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | \
   FE_INEXACT)

#define FE_TONEAREST 0x0000
#define FE_DOWNWARD 0x2000
#define FE_UPWARD 0x4000
#define FE_TOWARDZERO 0x6000

__BEGIN_DECLS
/* The environment a program starts with: round to nearest, no exception
 * flags, every exception masked, x87 in extended precision. */
extern const fenv_t __fe_dfl_env;
#define FE_DFL_ENV (&__fe_dfl_env)

int feclearexcept(int);
int fegetenv(fenv_t *);
int fegetexceptflag(fexcept_t *, int);
int fegetround(void);
int feholdexcept(fenv_t *);
int feraiseexcept(int);
int fesetenv(const fenv_t *);
int fesetexceptflag(const fexcept_t *, int);
int fesetround(int);
int fetestexcept(int);
int feupdateenv(const fenv_t *);
__END_DECLS

#endif
