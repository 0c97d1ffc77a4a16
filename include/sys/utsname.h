/* <sys/utsname.h>: uname (cloudlibc). cloudlibc's structure has no
 * nodename; it follows the other members here (always "localhost") so
 * that programs written for POSIX compile, without moving them. */
#ifndef _SYS_UTSNAME_H_
#define _SYS_UTSNAME_H_

#include <_/cdefs.h>

struct utsname {
  char sysname[32];
  char release[32];
  char version[32];
  char machine[32];
  char nodename[32];
};

__BEGIN_DECLS
int uname(struct utsname *);
__END_DECLS

#endif
