/* <poll.h>: waiting for descriptors, with cloudlibc's values. */
#ifndef _POLL_H_
#define _POLL_H_

#include <_/cdefs.h>
#include <_/types.h>

typedef __sizet nfds_t;

struct pollfd {
  int fd;
  short events;
  short revents;
};

#define POLLRDNORM 0x1
#define POLLWRNORM 0x2
#define POLLIN POLLRDNORM
#define POLLOUT POLLWRNORM
/* Reported whether asked for or not. */
#define POLLERR 0x1000
#define POLLHUP 0x2000
#define POLLNVAL 0x4000

#ifdef __CLOUDLIBC_COMPAT
/* There is no out-of-band or priority data: never reported. */
#define POLLPRI 0x4
#define POLLRDBAND 0x8
#define POLLWRBAND 0x10
#endif

__BEGIN_DECLS
int poll(struct pollfd *, nfds_t, int);
__END_DECLS

#endif
