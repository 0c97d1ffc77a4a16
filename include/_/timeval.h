/* Internal: struct timeval, shared by every header that needs it. */
#ifndef _STRUCT_TIMEVAL_DECLARED
#define _STRUCT_TIMEVAL_DECLARED
#include <_/types.h>
#ifndef _TIME_T_DECLARED
#define _TIME_T_DECLARED
typedef __time_t time_t;
#endif
#ifndef _SUSECONDS_T_DECLARED
#define _SUSECONDS_T_DECLARED
typedef __suseconds_t suseconds_t;
#endif
struct timeval {
  time_t tv_sec;
  suseconds_t tv_usec;
};
#endif
