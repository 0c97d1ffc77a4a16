/* A new process with clone(2) and no shared memory (the child exits at once). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  long r = sys6(NR_clone, L_SIGCHLD, 0, 0, 0, 0, 0);
  if (r == 0) sys(60, 0, 0, 0);
  return r;
}
