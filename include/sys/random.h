/* <sys/random.h> (compat): random numbers from the kernel, through
 * CloudABI's random_get. */
#ifndef _SYS_RANDOM_H_
#define _SYS_RANDOM_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#endif

#define GRND_NONBLOCK 1
#define GRND_RANDOM 2

__BEGIN_DECLS
int getentropy(void *, size_t);
ssize_t getrandom(void *, size_t, unsigned int);
__END_DECLS

#endif
