/* A new process with fork(2) (the child exits at once). proc_fork itself is
 * no escape: its child holds exactly the parent's descriptors and is
 * confined the same (see fork_child_confined). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  long r = sys(NR_fork, 0, 0, 0);
  if (r == 0) sys(60, 0, 0, 0);
  return r;
}
