/* <sys/socket.h>: sockets, with cloudlibc's layouts and values.
 *
 * The only sockets are those a program was given and the connected pairs
 * socketpair() makes. The compat declarations add accept() for granted
 * listening sockets, getsockname(), getpeername() and a few options;
 * socket(), bind() and connect() exist but fail (no network is reachable
 * except through granted sockets). In compat mode struct msghdr has POSIX's
 * msg_name and msg_namelen, and the functions taking one (recvmsg(),
 * sendmsg(), CMSG_FIRSTHDR(), CMSG_NXTHDR()) bind to entry points that
 * know that layout; strict code keeps cloudlibc's. */
#ifndef _SYS_SOCKET_H_
#define _SYS_SOCKET_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/iovec.h>

#ifndef _SA_FAMILY_T_DECLARED
#define _SA_FAMILY_T_DECLARED
typedef __sa_family_t sa_family_t;
#endif
#ifndef _SOCKLEN_T_DECLARED
#define _SOCKLEN_T_DECLARED
typedef __socklen_t socklen_t;
#endif
#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#endif

/* Socket addresses start with a one-byte family, aligned like max_align_t. */
#define __SOCKADDR_ALIGN __attribute__((__aligned__(16)))

struct sockaddr {
  sa_family_t sa_family __SOCKADDR_ALIGN;
  char sa_data[14];
};

struct sockaddr_storage {
  sa_family_t ss_family __SOCKADDR_ALIGN;
#ifdef __CLOUDLIBC_COMPAT
  char __ss_data[126]; /* room for a struct sockaddr_un with its path */
#else
  char __ss_data[32];
#endif
};

struct msghdr {
#ifdef __CLOUDLIBC_COMPAT
  void *msg_name; /* sendmsg() refuses an address; recvmsg() sets no address */
  socklen_t msg_namelen;
#endif
  struct iovec *msg_iov;
  int msg_iovlen;
  void *msg_control;
  size_t msg_controllen;
  int msg_flags;
};

struct cmsghdr {
  size_t cmsg_len; /* including this header */
  int cmsg_level;
  int cmsg_type;
  unsigned char __cmsg_data[] __SOCKADDR_ALIGN;
};

#define CMSG_DATA(cmsg) ((cmsg)->__cmsg_data)
#define CMSG_LEN(len) (sizeof(struct cmsghdr) + (len))
#define CMSG_SPACE(len) ((CMSG_LEN(len) + 15) & ~(size_t)15)
#define CMSG_FIRSTHDR CMSG_FIRSTHDR
#define CMSG_NXTHDR CMSG_NXTHDR

#define SOCK_DGRAM 0x80
#define SOCK_STREAM 0x82

#define SOL_SOCKET 0x7fffffff
#define SCM_RIGHTS 1

#define SO_TYPE 3

/* recvmsg() input flags, and output flags in msg_flags. */
#define MSG_PEEK 0x4
#define MSG_WAITALL 0x10
#define MSG_CTRUNC 0x1
#define MSG_TRUNC 0x8
/* No call raises SIGPIPE: a closed peer is EPIPE. */
#define MSG_NOSIGNAL 0

#define AF_UNSPEC 0
#define AF_INET 1
#define AF_INET6 2
#define AF_UNIX 3
#define PF_UNSPEC AF_UNSPEC
#define PF_INET AF_INET
#define PF_INET6 AF_INET6
#define PF_UNIX AF_UNIX

#define SHUT_RD 0x1
#define SHUT_WR 0x2
#define SHUT_RDWR (SHUT_RD | SHUT_WR)

#ifdef __CLOUDLIBC_COMPAT
#define AF_LOCAL AF_UNIX
#define PF_LOCAL PF_UNIX
/* Flags or'ed into a socket type: SOCK_CLOEXEC has no effect (nothing is
 * inherited across exec but what proc_exec passes). */
#define SOCK_CLOEXEC 0x2000
#define SOCK_NONBLOCK 0x4000
/* The backlog of a granted socket is the launcher's; listen() keeps it. */
#define SOMAXCONN 128
/* Options: see getsockopt() and setsockopt() in the README for which work. */
#define SO_ACCEPTCONN 1
#define SO_ERROR 2
#define SO_REUSEADDR 4
#define SO_KEEPALIVE 5
#define SO_RCVBUF 6
#define SO_SNDBUF 7
#define SO_RCVLOWAT 8
#define SO_BROADCAST 9
#define SO_DEBUG 10
#define SO_DONTROUTE 11
#define SO_LINGER 12
#define SO_OOBINLINE 13
#define SO_RCVTIMEO 14
#define SO_SNDLOWAT 15
#define SO_SNDTIMEO 16
/* Out-of-band data and records are not supported: ENOTSUP. */
#define MSG_EOR 0x2
#define MSG_OOB 0x20

struct linger {
  int l_onoff;
  int l_linger;
};
#endif

__BEGIN_DECLS
int getsockopt(int, int, int, void *__restrict, socklen_t *__restrict);
ssize_t recv(int, void *, size_t, int);
ssize_t send(int, const void *, size_t, int);
int shutdown(int, int);
int socketpair(int, int, int, int *);
#ifdef __CLOUDLIBC_COMPAT
struct cmsghdr *CMSG_FIRSTHDR(const struct msghdr *) __asm__("__compat_CMSG_FIRSTHDR");
struct cmsghdr *CMSG_NXTHDR(const struct msghdr *, const struct cmsghdr *) __asm__("__compat_CMSG_NXTHDR");
ssize_t recvmsg(int, struct msghdr *, int) __asm__("__compat_recvmsg");
ssize_t sendmsg(int, const struct msghdr *, int) __asm__("__compat_sendmsg");
int accept(int, struct sockaddr *__restrict, socklen_t *__restrict);
int accept4(int, struct sockaddr *__restrict, socklen_t *__restrict, int);
int bind(int, const struct sockaddr *, socklen_t);
int connect(int, const struct sockaddr *, socklen_t);
int getpeername(int, struct sockaddr *__restrict, socklen_t *__restrict);
int getsockname(int, struct sockaddr *__restrict, socklen_t *__restrict);
int listen(int, int);
ssize_t recvfrom(int, void *__restrict, size_t, int, struct sockaddr *__restrict, socklen_t *__restrict);
ssize_t sendto(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
int setsockopt(int, int, int, const void *, socklen_t);
int sockatmark(int);
int socket(int, int, int);
#else
struct cmsghdr *CMSG_FIRSTHDR(const struct msghdr *);
struct cmsghdr *CMSG_NXTHDR(const struct msghdr *, const struct cmsghdr *);
ssize_t recvmsg(int, struct msghdr *, int);
ssize_t sendmsg(int, const struct msghdr *, int);
#endif
__END_DECLS

#endif
