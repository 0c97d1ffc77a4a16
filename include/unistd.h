/* <unistd.h>: POSIX standard symbolic constants and types. */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __size_t size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#endif
#ifndef _OFF_T_DECLARED
#define _OFF_T_DECLARED
typedef __off_t off_t;
#endif

#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_SET 3

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

__BEGIN_DECLS
int close(int);
ssize_t read(int, void *, size_t);
ssize_t write(int, const void *, size_t);
__END_DECLS

#endif
