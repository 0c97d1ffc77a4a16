/* <sys/select.h>: select() and pselect(), with cloudlibc's fd_set: a list
 * of descriptor numbers, not a bit mask, so any number fits. FD_CLR and
 * the other FD_* names are functions, also defined as macros. */
#ifndef _SYS_SELECT_H_
#define _SYS_SELECT_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/timespec.h>
#include <_/timeval.h>

#ifndef _SIGSET_T_DECLARED
#define _SIGSET_T_DECLARED
typedef __uint64_t sigset_t;
#endif

#define FD_SETSIZE 1024

typedef struct {
  __size_t __nfds;
  int __fds[FD_SETSIZE];
} fd_set;

#define FD_CLR FD_CLR
#define FD_COPY FD_COPY
#define FD_ISSET FD_ISSET
#define FD_SET FD_SET
#define FD_ZERO FD_ZERO

__BEGIN_DECLS
void FD_CLR(int, fd_set *);
void FD_COPY(const fd_set *__restrict, fd_set *__restrict);
int FD_ISSET(int, const fd_set *);
void FD_SET(int, fd_set *);
void FD_ZERO(fd_set *);
int select(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict, struct timeval *__restrict);
#ifdef __CLOUDLIBC_COMPAT
/* POSIX's pselect(), which applies the signal mask while it waits. */
int pselect(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict, const struct timespec *__restrict,
            const sigset_t *__restrict) __asm__("__compat_pselect");
#else
/* cloudlibc's pselect(): there are no signals, so no mask is passed. */
int pselect(int, fd_set *__restrict, fd_set *__restrict, fd_set *__restrict, const struct timespec *__restrict, ...);
#endif
__END_DECLS

#endif
