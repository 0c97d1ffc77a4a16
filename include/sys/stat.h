/* <sys/stat.h>: file status. CloudABI has no owners: st_uid and st_gid
 * are 65534. st_mode carries the file type and the host's permission bits,
 * which chmod changes (emulator extensions beyond the CloudABI calls). */
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/timespec.h>

#ifndef _DEV_T_DECLARED
#define _DEV_T_DECLARED
typedef __dev_t dev_t;
#endif
typedef __ino_t ino_t;
#ifndef _MODE_T_DECLARED
#define _MODE_T_DECLARED
typedef __mode_t mode_t;
#endif
typedef __nlink_t nlink_t;
#ifndef _UID_T_DECLARED
#define _UID_T_DECLARED
typedef __uid_t uid_t;
typedef __gid_t gid_t;
#endif
#ifndef _OFF_T_DECLARED
#define _OFF_T_DECLARED
typedef __off_t off_t;
#endif
typedef __blksize_t blksize_t;
typedef __blkcnt_t blkcnt_t;

struct stat {
  dev_t st_dev;
  ino_t st_ino;
  mode_t st_mode;
  nlink_t st_nlink;
  uid_t st_uid;
  gid_t st_gid;
  dev_t st_rdev;
  off_t st_size;
  struct timespec st_atim;
  struct timespec st_mtim;
  struct timespec st_ctim;
  blksize_t st_blksize;
  blkcnt_t st_blocks;
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IFMT 0170000
#define S_IFBLK 0060000
#define S_IFCHR 0020000
#define S_IFDIR 0040000
#define S_IFIFO 0010000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFSOCK 0140000

#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 0070
#define S_IRGRP 0040
#define S_IWGRP 0020
#define S_IXGRP 0010
#define S_IRWXO 0007
#define S_IROTH 0004
#define S_IWOTH 0002
#define S_IXOTH 0001

#define UTIME_NOW (-1)
#define UTIME_OMIT (-2)

__BEGIN_DECLS
__bool S_TYPEISMQ(const struct stat *);
__bool S_TYPEISSEM(const struct stat *);
__bool S_TYPEISSHM(const struct stat *);
int fstat(int, struct stat *);
int fstatat(int, const char *__restrict, struct stat *__restrict, int);
int futimens(int, const struct timespec *);
int mkdirat(int, const char *, ...);
int utimensat(int, const char *, const struct timespec *, int);
#ifdef __CLOUDLIBC_COMPAT
int chmod(const char *, mode_t);
int fchmod(int, mode_t);
int fchmodat(int, const char *, mode_t, int);
int lstat(const char *__restrict, struct stat *__restrict);
int mkdir(const char *, mode_t);
int mkfifo(const char *, mode_t);
int mkfifoat(int, const char *, mode_t);
int mknod(const char *, mode_t, dev_t);
int stat(const char *__restrict, struct stat *__restrict);
mode_t umask(mode_t);
#endif
__END_DECLS

#endif
