/* <assert.h>: C11 diagnostics. The guard covers the declarations only:
 * each inclusion redefines assert for the NDEBUG then in effect, as C11
 * requires. */
#ifndef _ASSERT_H_
#define _ASSERT_H_

#include <_/cdefs.h>

#if !defined(__cplusplus) && defined(__STDC_VERSION__) && \
    __STDC_VERSION__ >= 201112L && __STDC_VERSION__ <= 201710L
#define static_assert _Static_assert
#endif

__BEGIN_DECLS
/* Reports a failed assertion (function, file, line, expression) on
 * standard error and aborts. */
__noreturn void __assertion_failed(const char *, const char *, int,
                                   const char *);
__END_DECLS

#endif

#undef assert
#ifdef NDEBUG
#define assert(expression) ((void)0)
#else
#define assert(expression)                                    \
  ((expression) ? (void)0                                     \
                : __assertion_failed(__func__, __FILE__, __LINE__, \
                                     #expression))
#endif
