/* <grp.h>: compat only. The database holds one group, "nobody" (gid
 * 65534), the identity getgid() reports; supplementary groups cannot be
 * changed. */
#ifndef _GRP_H_
#define _GRP_H_

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

struct group {
  char *gr_name;
  char *gr_passwd;
  gid_t gr_gid;
  char **gr_mem;
};

__BEGIN_DECLS
void endgrent(void);
struct group *getgrent(void);
struct group *getgrgid(gid_t);
int getgrgid_r(gid_t, struct group *, char *, size_t, struct group **);
struct group *getgrnam(const char *);
int getgrnam_r(const char *, struct group *, char *, size_t, struct group **);
int getgrouplist(const char *, gid_t, gid_t *, int *);
int initgroups(const char *, gid_t);
void setgrent(void);
int setgroups(size_t, const gid_t *);
__END_DECLS
#endif

#endif
