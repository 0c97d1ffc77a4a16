/* <sys/uio.h>: vectored I/O. */
#ifndef _SYS_UIO_H_
#define _SYS_UIO_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/iovec.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#endif

__BEGIN_DECLS
ssize_t preadv(int, const struct iovec *, int, __off_t);
ssize_t pwritev(int, const struct iovec *, int, __off_t);
ssize_t readv(int, const struct iovec *, int);
ssize_t writev(int, const struct iovec *, int);
__END_DECLS

#endif
