/* <net/if.h>: network interfaces. None is visible to a program: names do
 * not resolve to indexes and the compat list of interfaces is empty. */
#ifndef _NET_IF_H_
#define _NET_IF_H_

#include <_/cdefs.h>

#define IF_NAMESIZE 32

#ifdef __CLOUDLIBC_COMPAT
#define IFNAMSIZ IF_NAMESIZE
struct if_nameindex {
  unsigned int if_index;
  char *if_name;
};
#endif

__BEGIN_DECLS
char *if_indextoname(unsigned int, char *);
unsigned int if_nametoindex(const char *);
#ifdef __CLOUDLIBC_COMPAT
void if_freenameindex(struct if_nameindex *);
struct if_nameindex *if_nameindex(void);
#endif
__END_DECLS

#endif
