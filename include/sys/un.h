/* <sys/un.h>: UNIX-domain socket addresses. cloudlibc's has no sun_path
 * (only unnamed socket pairs exist); the compat layout adds it, always
 * empty in addresses this library reports. */
#ifndef _SYS_UN_H_
#define _SYS_UN_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SA_FAMILY_T_DECLARED
#define _SA_FAMILY_T_DECLARED
typedef __sa_family_t sa_family_t;
#endif

struct sockaddr_un {
  sa_family_t sun_family __attribute__((__aligned__(16))); /* AF_UNIX */
#ifdef __CLOUDLIBC_COMPAT
  char sun_path[108];
#endif
};

#endif
