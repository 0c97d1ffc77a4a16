/* <sys/times.h>: process times, in sysconf(_SC_CLK_TCK) ticks. */
#ifndef _SYS_TIMES_H_
#define _SYS_TIMES_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _CLOCK_T_DECLARED
#define _CLOCK_T_DECLARED
typedef __clock_t clock_t;
#endif

struct tms {
  clock_t tms_utime;
  clock_t tms_stime;
  clock_t tms_cutime;
  clock_t tms_cstime;
};

__BEGIN_DECLS
clock_t times(struct tms *);
__END_DECLS

#endif
