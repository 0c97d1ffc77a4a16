/* <sys/time.h>: struct timeval, gettimeofday, and select with cloudlibc's
 * fd_set: a list of descriptor numbers rather than a bitmap, so FD_SET is
 * safe for any descriptor (it ignores additions to a full set). */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SUSECONDS_T_DECLARED
#define _SUSECONDS_T_DECLARED
typedef __suseconds_t suseconds_t;
#endif
#ifndef _TIME_T_DECLARED
#define _TIME_T_DECLARED
typedef __time_t time_t;
#endif

#ifndef _STRUCT_TIMEVAL_DECLARED
#define _STRUCT_TIMEVAL_DECLARED
struct timeval {
  time_t tv_sec;
  suseconds_t tv_usec;
};
#endif

#ifndef _FD_SET_DECLARED
#define _FD_SET_DECLARED
#define FD_SETSIZE 1024
typedef struct {
  __size_t __nfds;
  int __fds[FD_SETSIZE];
} fd_set;

__BEGIN_DECLS
void FD_CLR(int, fd_set *);
void FD_COPY(const fd_set *__restrict, fd_set *__restrict);
int FD_ISSET(int, const fd_set *);
void FD_SET(int, fd_set *);
void FD_ZERO(fd_set *);
int select(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict,
           struct timeval *__restrict);
__END_DECLS
#endif

__BEGIN_DECLS
int gettimeofday(struct timeval *__restrict, ...);
#ifdef __CLOUDLIBC_COMPAT
int utimes(const char *, const struct timeval[2]);
#endif
__END_DECLS

#endif
