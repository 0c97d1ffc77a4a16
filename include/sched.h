/* <sched.h>: execution scheduling.
 *
 * Every thread is scheduled alike by the host. Outside _CLOUDLIBC_STRICT,
 * the scheduling interface exists for code that asks: the only policy is
 * SCHED_OTHER with priority 0; the calling process (pid 0) can read that,
 * and setting anything else fails (EPERM for the process, EINVAL for
 * unknown policies); other pids name nothing (ESRCH). */
#ifndef _SCHED_H_
#define _SCHED_H_

#include <_/cdefs.h>
#include <_/timespec.h>
#include <_/types.h>

__BEGIN_DECLS
int sched_yield(void);
__END_DECLS

#ifdef __CLOUDLIBC_COMPAT
#ifndef _PID_T_DECLARED
#define _PID_T_DECLARED
typedef __pid_t pid_t;
#endif

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2

struct sched_param {
  int sched_priority;
};

__BEGIN_DECLS
int sched_get_priority_max(int);
int sched_get_priority_min(int);
int sched_getparam(pid_t, struct sched_param *);
int sched_getscheduler(pid_t);
int sched_rr_get_interval(pid_t, struct timespec *);
int sched_setparam(pid_t, const struct sched_param *);
int sched_setscheduler(pid_t, int, const struct sched_param *);
__END_DECLS
#endif

#endif
