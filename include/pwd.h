/* <pwd.h>: compat only. The database holds one user, "nobody" (uid and
 * gid 65534, home $HOME or "/"), the identity getuid() reports. */
#ifndef _PWD_H_
#define _PWD_H_

#include <_/cdefs.h>

#ifdef __CLOUDLIBC_COMPAT
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _UID_T_DECLARED
#define _UID_T_DECLARED
typedef __uid_t uid_t;
typedef __gid_t gid_t;
#endif

struct passwd {
  char *pw_name;
  char *pw_passwd;
  uid_t pw_uid;
  gid_t pw_gid;
  char *pw_gecos;
  char *pw_dir;
  char *pw_shell;
};

__BEGIN_DECLS
void endpwent(void);
struct passwd *getpwent(void);
struct passwd *getpwnam(const char *);
int getpwnam_r(const char *, struct passwd *, char *, size_t, struct passwd **);
struct passwd *getpwuid(uid_t);
int getpwuid_r(uid_t, struct passwd *, char *, size_t, struct passwd **);
void setpwent(void);
__END_DECLS
#endif

#endif
