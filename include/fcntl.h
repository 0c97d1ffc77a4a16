/* <fcntl.h>: file control options, with cloudlibc's values. */
#ifndef _FCNTL_H_
#define _FCNTL_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _OFF_T_DECLARED
#define _OFF_T_DECLARED
typedef __off_t off_t;
#endif
#ifndef _MODE_T_DECLARED
#define _MODE_T_DECLARED
typedef __mode_t mode_t;
#endif
#ifndef _PID_T_DECLARED
#define _PID_T_DECLARED
typedef __pid_t pid_t;
#endif

/* File status flags (CloudABI fdflags). */
#define O_APPEND 0x1
#define O_DSYNC 0x2
#define O_NONBLOCK 0x4
#define O_RSYNC 0x8
#define O_SYNC 0x10
/* Open-time flags (CloudABI oflags << 12). */
#define O_CREAT 0x1000
#define O_DIRECTORY 0x2000
#define O_EXCL 0x4000
#define O_TRUNC 0x8000
/* Handled by openat itself. */
#define O_NOFOLLOW 0x1000000
#define O_EXEC 0x2000000
#define O_RDONLY 0x4000000
#define O_SEARCH 0x8000000
#define O_WRONLY 0x10000000
#define O_RDWR (O_RDONLY | O_WRONLY)
#define O_ACCMODE (O_EXEC | O_RDWR | O_SEARCH)
/* No meaning here: descriptors never leak into another program image and
 * there is no controlling terminal. */
#define O_CLOEXEC 0
#define O_NOCTTY 0
#define O_TTY_INIT 0

#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define FD_CLOEXEC 1

#define AT_EACCESS 0x0
#define AT_SYMLINK_NOFOLLOW 0x1
#define AT_SYMLINK_FOLLOW 0x2
#define AT_REMOVEDIR 0x4

#define POSIX_FADV_DONTNEED 1
#define POSIX_FADV_NOREUSE 2
#define POSIX_FADV_NORMAL 3
#define POSIX_FADV_RANDOM 4
#define POSIX_FADV_SEQUENTIAL 5
#define POSIX_FADV_WILLNEED 6

#ifdef __CLOUDLIBC_COMPAT
#define F_DUPFD 0
#define F_DUPFD_CLOEXEC 5
/* Paths relative to the current directory, resolved through the named
 * directory grants. */
#define AT_FDCWD (-100)
/* POSIX record locks, through an emulator extension; a conflicting
 * lock's l_pid is 0 (no other process can be named). */
#define F_GETLK 6
#define F_SETLK 7
#define F_SETLKW 8
#define F_RDLCK 1
#define F_UNLCK 2
#define F_WRLCK 3
struct flock {
  short l_type;
  short l_whence;
  off_t l_start;
  off_t l_len;
  pid_t l_pid;
};
#endif

__BEGIN_DECLS
int fcntl(int, int, ...);
int openat(int, const char *, int, ...);
int posix_fadvise(int, off_t, off_t, int);
int posix_fallocate(int, off_t, off_t);
#ifdef __CLOUDLIBC_COMPAT
int creat(const char *, mode_t);
int open(const char *, int, ...);
#endif
__END_DECLS

#endif
