/* Internal: select() and cloudlibc's fd_set, declared by both <sys/time.h>
 * and <sys/select.h>. The set is a list of descriptor numbers, not a bit
 * mask, so any number fits (FD_SET ignores additions to a full set). The
 * FD_* names are functions, also defined as macros. */
#ifndef ___SELECT_H_
#define ___SELECT_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/timeval.h>

#define FD_SETSIZE 1024

typedef struct {
  __sizet __nfds;
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
__END_DECLS

#endif
