/* <utime.h>: the compat utime(), resolved through the directory grants. */
#ifndef _UTIME_H_
#define _UTIME_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _TIME_T_DECLARED
#define _TIME_T_DECLARED
typedef __time_t time_t;
#endif

struct utimbuf {
  time_t actime;
  time_t modtime;
};

#ifdef __CLOUDLIBC_COMPAT
__BEGIN_DECLS
int utime(const char *, const struct utimbuf *);
__END_DECLS
#endif

#endif
