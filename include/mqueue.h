/* <mqueue.h>: anonymous in-process message queues (cloudlibc's mq_init
 * and mq_destroy); compat mq_open and mq_unlink fail with ENOTCAPABLE
 * (named queues live in a global namespace no capability grants),
 * mq_close fails with EBADF (no queue comes from mq_open), and mq_notify
 * cannot register (no asynchronous notification). Priorities are below
 * MQ_PRIO_MAX; each priority is first in, first out. */
#ifndef _MQUEUE_H_
#define _MQUEUE_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/timespec.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#endif

typedef struct {
  struct __mqd *__mqd;
} mqd_t;

struct mq_attr {
  long mq_flags;
  long mq_maxmsg;
  long mq_msgsize;
  long mq_curmsgs;
};

__BEGIN_DECLS
int mq_destroy(mqd_t);
int mq_getattr(mqd_t, struct mq_attr *);
int mq_init(mqd_t *, const struct mq_attr *);
ssize_t mq_receive(mqd_t, char *, size_t, unsigned int *);
int mq_send(mqd_t, const char *, size_t, unsigned int);
int mq_setattr(mqd_t, const struct mq_attr *__restrict, struct mq_attr *__restrict);
ssize_t mq_timedreceive(mqd_t, char *__restrict, size_t, unsigned int *__restrict, const struct timespec *__restrict);
int mq_timedsend(mqd_t, const char *, size_t, unsigned int, const struct timespec *);
__END_DECLS

#ifdef __CLOUDLIBC_COMPAT
#ifndef MQ_PRIO_MAX
#define MQ_PRIO_MAX 32768
#endif
struct sigevent;
__BEGIN_DECLS
int mq_close(mqd_t);
int mq_notify(mqd_t, const struct sigevent *);
mqd_t mq_open(const char *, int, ...);
int mq_unlink(const char *);
__END_DECLS
#endif

#endif
