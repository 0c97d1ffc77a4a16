/* <sys/select.h>: select() and pselect(), with cloudlibc's fd_set (see
 * <_/select.h>). */
#ifndef _SYS_SELECT_H_
#define _SYS_SELECT_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/timespec.h>
#include <_/select.h>

#ifndef _SIGSET_T_DECLARED
#define _SIGSET_T_DECLARED
typedef __uint64_t sigset_t;
#endif

__BEGIN_DECLS
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
