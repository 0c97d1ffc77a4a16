/* <sys/file.h>: compat only: flock, whole-file locks through an emulator
 * extension. */
#ifndef _SYS_FILE_H_
#define _SYS_FILE_H_

#include <_/cdefs.h>

#ifdef __CLOUDLIBC_COMPAT
#define LOCK_SH 0x1
#define LOCK_EX 0x2
#define LOCK_NB 0x4
#define LOCK_UN 0x8

__BEGIN_DECLS
int flock(int, int);
__END_DECLS
#endif

#endif
