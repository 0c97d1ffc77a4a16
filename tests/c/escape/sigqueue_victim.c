/* rt_sigqueueinfo(2) to a process of the same user (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  int info[32] = {L_SIGKILL, 0, -1};
  return sys(NR_rt_sigqueueinfo, number(arg[1]), L_SIGKILL, info);
}
