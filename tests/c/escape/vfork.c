/* A new process with vfork(2) (the child exits at once). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  long r = sys(NR_vfork, 0, 0, 0);
  if (r == 0) sys(60, 0, 0, 0);
  return r;
}
