/* <arpa/inet.h>: Internet address conversion. Makes <netinet/in.h> (with
 * htonl() and friends) visible, as POSIX allows. */
#ifndef _ARPA_INET_H_
#define _ARPA_INET_H_

#include <_/cdefs.h>
#include <netinet/in.h>

__BEGIN_DECLS
int inet_aton(const char *, struct in_addr *);
const char *inet_ntop(int, const void *__restrict, char *__restrict, socklen_t);
int inet_pton(int, const char *__restrict, void *__restrict);
#ifdef __CLOUDLIBC_COMPAT
in_addr_t inet_addr(const char *);
char *inet_ntoa(struct in_addr);
#endif
__END_DECLS

#endif
