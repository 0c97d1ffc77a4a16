/* <sys/resource.h>: getrusage (cloudlibc); compat resource limits and
 * scheduling priorities. The limits are fixed and reported as they are;
 * a process can neither change them nor its priority (the calls succeed
 * only when nothing would change). */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/timeval.h>

#define RUSAGE_SELF 1
#define RUSAGE_CHILDREN 2

/* cloudlibc's struct has the two times only; the other members (always 0
 * here except ru_utime) follow them so that code written for other systems
 * compiles, and are reserved names of this header either way. */
struct rusage {
  struct timeval ru_utime;
  struct timeval ru_stime;
  long ru_maxrss;
  long ru_ixrss;
  long ru_idrss;
  long ru_isrss;
  long ru_minflt;
  long ru_majflt;
  long ru_nswap;
  long ru_inblock;
  long ru_oublock;
  long ru_msgsnd;
  long ru_msgrcv;
  long ru_nsignals;
  long ru_nvcsw;
  long ru_nivcsw;
};

__BEGIN_DECLS
int getrusage(int, struct rusage *);
__END_DECLS

#ifdef __CLOUDLIBC_COMPAT
#ifndef _ID_T_DECLARED
#define _ID_T_DECLARED
typedef __uint32_t id_t;
#endif
typedef __uint64_t rlim_t;

struct rlimit {
  rlim_t rlim_cur;
  rlim_t rlim_max;
};

#define RLIM_INFINITY (~(rlim_t)0)
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

#define RLIMIT_CORE 0
#define RLIMIT_CPU 1
#define RLIMIT_DATA 2
#define RLIMIT_FSIZE 3
#define RLIMIT_NOFILE 4
#define RLIMIT_STACK 5
#define RLIMIT_AS 6
#define RLIM_NLIMITS 7

#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

__BEGIN_DECLS
int getpriority(int, id_t);
int getrlimit(int, struct rlimit *);
int setpriority(int, id_t, int);
int setrlimit(int, const struct rlimit *);
__END_DECLS
#endif

#endif
