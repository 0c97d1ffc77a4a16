/* <netdb.h>: address and service translation, with cloudlibc's values.
 *
 * There is no name service: getaddrinfo() takes numeric hosts (and
 * "localhost"), services by number or from a small built-in table; the
 * protocol and service databases are built-in tables; the host and network
 * databases (compat) are empty. Makes <netinet/in.h> visible. */
#ifndef _NETDB_H_
#define _NETDB_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <netinet/in.h>

struct hostent {
  char *h_name;
  char **h_aliases;
  int h_addrtype;
  int h_length;
  char **h_addr_list;
};
#define h_addr h_addr_list[0]

struct protoent {
  char *p_name;
  char **p_aliases;
  int p_proto;
};

struct servent {
  char *s_name;
  char **s_aliases;
  int s_port; /* network byte order */
  char *s_proto;
};

struct addrinfo {
  int ai_flags;
  int ai_family;
  int ai_socktype;
  int ai_protocol;
  socklen_t ai_addrlen;
  struct sockaddr *ai_addr;
  char *ai_canonname;
  struct addrinfo *ai_next;
};

/* getaddrinfo() flags. */
#define AI_PASSIVE 0x1
#define AI_NUMERICSERV 0x2
/* Always in effect: hosts are numeric, and the first result carries the
 * host as its canonical name. */
#define AI_CANONNAME 0
#define AI_NUMERICHOST 0

/* getnameinfo() flags. */
#define NI_NUMERICSERV 0x1
#define NI_DGRAM 0x2
/* Always in effect: hosts and scopes come back numeric. */
#define NI_NUMERICHOST 0
#define NI_NUMERICSCOPE 0

#define EAI_AGAIN 1
#define EAI_BADFLAGS 2
#define EAI_FAIL 3
#define EAI_FAMILY 4
#define EAI_MEMORY 5
#define EAI_NONAME 6
#define EAI_SERVICE 7
#define EAI_SOCKTYPE 8
#define EAI_SYSTEM 9
#define EAI_OVERFLOW 10

#define NI_MAXHOST 57
#define NI_MAXSERV 64

#ifdef __CLOUDLIBC_COMPAT
/* Accepted; no system network configuration is visible to filter by. */
#define AI_ADDRCONFIG 0x4
/* With AF_INET6: IPv4 hosts as IPv4-mapped IPv6 addresses. */
#define AI_V4MAPPED 0x8
#define AI_ALL 0x10
/* No host has a name to require: with NI_NAMEREQD, EAI_NONAME. */
#define NI_NAMEREQD 0x4
#define NI_NOFQDN 0x8

struct netent {
  char *n_name;
  char **n_aliases;
  int n_addrtype;
  __uint32_t n_net;
};

/* h_errno values. */
#define HOST_NOT_FOUND 1
#define TRY_AGAIN 2
#define NO_RECOVERY 3
#define NO_DATA 4
#define NO_ADDRESS NO_DATA
#endif

__BEGIN_DECLS
void endprotoent(void);
void endservent(void);
void freeaddrinfo(struct addrinfo *);
const char *gai_strerror(int);
const char *gai_strerror_l(int, __locale_t);
int getaddrinfo(const char *__restrict, const char *__restrict, const struct addrinfo *__restrict,
                struct addrinfo **__restrict);
int getnameinfo(const struct sockaddr *__restrict, socklen_t, char *__restrict, socklen_t, char *__restrict,
                socklen_t, int);
struct protoent *getprotobyname(const char *);
struct protoent *getprotobynumber(int);
struct servent *getservbyname(const char *, const char *);
struct servent *getservbyport(int, const char *);
void setprotoent(int);
void setservent(int);
#ifdef __CLOUDLIBC_COMPAT
extern int h_errno;
void endhostent(void);
void endnetent(void);
struct hostent *gethostbyaddr(const void *, socklen_t, int);
struct hostent *gethostbyname(const char *);
struct hostent *gethostent(void);
struct netent *getnetbyaddr(__uint32_t, int);
struct netent *getnetbyname(const char *);
struct netent *getnetent(void);
struct protoent *getprotoent(void);
struct servent *getservent(void);
const char *hstrerror(int);
void sethostent(int);
void setnetent(int);
#endif
__END_DECLS

#endif
