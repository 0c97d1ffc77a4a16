/* <netinet/in.h>: Internet addresses, with cloudlibc's layouts and values.
 * Makes <sys/socket.h> visible, as POSIX allows. */
#ifndef _NETINET_IN_H_
#define _NETINET_IN_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <sys/socket.h>

#ifndef _IN_ADDR_T_DECLARED
#define _IN_ADDR_T_DECLARED
typedef __uint32_t in_addr_t;
#endif
#ifndef _IN_PORT_T_DECLARED
#define _IN_PORT_T_DECLARED
typedef __uint16_t in_port_t;
#endif
typedef __uint8_t uint8_t;
typedef __uint16_t uint16_t;
typedef __uint32_t uint32_t;

#ifndef _STRUCT_IN_ADDR_DECLARED
#define _STRUCT_IN_ADDR_DECLARED
struct in_addr {
  in_addr_t s_addr; /* network byte order */
};
#endif

struct sockaddr_in {
  sa_family_t sin_family __SOCKADDR_ALIGN; /* AF_INET */
  in_port_t sin_port;                      /* network byte order */
  struct in_addr sin_addr;
#ifdef __CLOUDLIBC_COMPAT
  unsigned char sin_zero[8]; /* within the padding: the size is unchanged */
#endif
};

struct in6_addr {
  uint8_t s6_addr[16] __attribute__((__aligned__(8)));
};

struct sockaddr_in6 {
  sa_family_t sin6_family __SOCKADDR_ALIGN; /* AF_INET6 */
  in_port_t sin6_port;                      /* network byte order */
  uint32_t sin6_flowinfo;
  struct in6_addr sin6_addr;
  uint32_t sin6_scope_id;
};

#define IN6ADDR_ANY_INIT \
  { { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 } }
#define IN6ADDR_LOOPBACK_INIT \
  { { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } }

#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_IPV6 41
#define IPPROTO_RAW 255

#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)

#define INET_ADDRSTRLEN 16
#define INET6_ADDRSTRLEN 46

#ifdef __CLOUDLIBC_COMPAT
#define IPPROTO_ICMPV6 58
/* What inet_addr() returns for a malformed address. */
#define INADDR_NONE ((in_addr_t)0xffffffff)
/* The one IPv6 option getsockopt() and setsockopt() pass through. */
#define IPV6_V6ONLY 26
#endif

__BEGIN_DECLS
extern const struct in6_addr in6addr_any;
extern const struct in6_addr in6addr_loopback;
uint32_t htonl(uint32_t);
uint16_t htons(uint16_t);
uint32_t ntohl(uint32_t);
uint16_t ntohs(uint16_t);
int IN6_IS_ADDR_UNSPECIFIED(const struct in6_addr *);
int IN6_IS_ADDR_LOOPBACK(const struct in6_addr *);
int IN6_IS_ADDR_MULTICAST(const struct in6_addr *);
int IN6_IS_ADDR_LINKLOCAL(const struct in6_addr *);
int IN6_IS_ADDR_SITELOCAL(const struct in6_addr *);
int IN6_IS_ADDR_V4MAPPED(const struct in6_addr *);
int IN6_IS_ADDR_V4COMPAT(const struct in6_addr *);
int IN6_IS_ADDR_MC_NODELOCAL(const struct in6_addr *);
int IN6_IS_ADDR_MC_LINKLOCAL(const struct in6_addr *);
int IN6_IS_ADDR_MC_SITELOCAL(const struct in6_addr *);
int IN6_IS_ADDR_MC_ORGLOCAL(const struct in6_addr *);
int IN6_IS_ADDR_MC_GLOBAL(const struct in6_addr *);
__END_DECLS

#endif
