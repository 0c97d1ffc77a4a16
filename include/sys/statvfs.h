/* <sys/statvfs.h>: compat only. statvfs and fstatvfs report the file
 * system holding a file (an emulator extension beyond the CloudABI calls). */
#ifndef _SYS_STATVFS_H_
#define _SYS_STATVFS_H_

#include <_/cdefs.h>

#ifdef __CLOUDLIBC_COMPAT
#include <sys/types.h>

struct statvfs {
  unsigned long f_bsize;
  unsigned long f_frsize;
  fsblkcnt_t f_blocks;
  fsblkcnt_t f_bfree;
  fsblkcnt_t f_bavail;
  fsfilcnt_t f_files;
  fsfilcnt_t f_ffree;
  fsfilcnt_t f_favail;
  unsigned long f_fsid;
  unsigned long f_flag;
  unsigned long f_namemax;
};

#define ST_RDONLY 0x1
#define ST_NOSUID 0x2

__BEGIN_DECLS
int fstatvfs(int, struct statvfs *);
int statvfs(const char *__restrict, struct statvfs *__restrict);
__END_DECLS
#endif

#endif
