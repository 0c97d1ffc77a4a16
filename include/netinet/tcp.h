/* <netinet/tcp.h>: TCP options. cloudlibc has no such header; in compat
 * mode it defines TCP_NODELAY, which setsockopt() passes through. */
#ifndef _NETINET_TCP_H_
#define _NETINET_TCP_H_

#include <_/cdefs.h>

#ifdef __CLOUDLIBC_COMPAT
#define TCP_NODELAY 1
#endif

#endif
