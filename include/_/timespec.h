/* Internal: struct timespec, shared by every header that needs it. */
#ifndef _STRUCT_TIMESPEC_DECLARED
#define _STRUCT_TIMESPEC_DECLARED
#include <_/types.h>
#ifndef _TIME_T_DECLARED
#define _TIME_T_DECLARED
typedef __time_t time_t;
#endif
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};
#endif
