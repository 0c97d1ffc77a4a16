/* <sys/time.h>: struct timeval, gettimeofday, and (as in cloudlibc) select
 * with its fd_set, shared with <sys/select.h>. */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <_/cdefs.h>
#include <_/types.h>

#include <_/timeval.h>
#include <_/select.h>

__BEGIN_DECLS
int gettimeofday(struct timeval *__restrict, ...);
#ifdef __CLOUDLIBC_COMPAT
int utimes(const char *, const struct timeval[2]);
#endif
__END_DECLS

#endif
