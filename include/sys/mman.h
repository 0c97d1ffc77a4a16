/* <sys/mman.h>: memory mappings, with cloudlibc's (CloudABI's) values. */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _MODE_T_DECLARED
#define _MODE_T_DECLARED
typedef __mode_t mode_t;
#endif
#ifndef _OFF_T_DECLARED
#define _OFF_T_DECLARED
typedef __off_t off_t;
#endif
#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif

#define PROT_NONE 0x0
#define PROT_EXEC 0x1
#define PROT_WRITE 0x2
#define PROT_READ 0x4

#define MAP_ANON 0x1
#define MAP_FIXED 0x2
#define MAP_PRIVATE 0x4
#define MAP_SHARED 0x8
#define MAP_ANONYMOUS MAP_ANON

#define MAP_FAILED ((void *)-1)

#define MS_ASYNC 0x1
#define MS_INVALIDATE 0x2
#define MS_SYNC 0x4

#define POSIX_MADV_DONTNEED 1
#define POSIX_MADV_NORMAL 3
#define POSIX_MADV_RANDOM 4
#define POSIX_MADV_SEQUENTIAL 5
#define POSIX_MADV_WILLNEED 6

/* The only shm_open() name: a new anonymous shared memory object. */
#define SHM_ANON ((char *)-1)

#ifdef __CLOUDLIBC_COMPAT
#define MADV_DONTNEED POSIX_MADV_DONTNEED
#define MADV_NORMAL POSIX_MADV_NORMAL
#define MADV_RANDOM POSIX_MADV_RANDOM
#define MADV_SEQUENTIAL POSIX_MADV_SEQUENTIAL
#define MADV_WILLNEED POSIX_MADV_WILLNEED
#define MCL_CURRENT 0x1
#define MCL_FUTURE 0x2
/* memfd_create(): a new anonymous shared memory object. */
#define MFD_CLOEXEC 0x1
#define MFD_ALLOW_SEALING 0x2
#endif

__BEGIN_DECLS
void *mmap(void *, size_t, int, int, int, off_t);
int mprotect(void *, size_t, int);
int msync(void *, size_t, int);
int munmap(void *, size_t);
int posix_madvise(void *, size_t, int);
int shm_open(const char *, int, ...);
#ifdef __CLOUDLIBC_COMPAT
int madvise(void *, size_t, int);
int memfd_create(const char *, unsigned int);
int mlock(const void *, size_t);
int mlockall(int);
int munlock(const void *, size_t);
int munlockall(void);
int shm_unlink(const char *);
#endif
__END_DECLS

#endif
