/* perf_event_open(2). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  char attr[128] = {0};
  return sys6(NR_perf_event_open, (long)attr, 0, -1, -1, 0, 0);
}
