/* <sys/time.h>: struct timeval, gettimeofday, and (as in cloudlibc) select
 * with its fd_set, shared with <sys/select.h>. Outside _CLOUDLIBC_STRICT
 * also the interval timers, whose signals arrive asynchronously. */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <_/cdefs.h>
#include <_/types.h>

#include <_/timeval.h>
#include <_/select.h>

#ifdef __CLOUDLIBC_COMPAT
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

struct itimerval {
  struct timeval it_interval;
  struct timeval it_value;
};
#endif

__BEGIN_DECLS
int gettimeofday(struct timeval *__restrict, ...);
#ifdef __CLOUDLIBC_COMPAT
int getitimer(int, struct itimerval *);
int setitimer(int, const struct itimerval *__restrict, struct itimerval *__restrict);
int utimes(const char *, const struct timeval[2]);
#endif
__END_DECLS

#endif
