/* clone3(2), whose flags the filter cannot read. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  uint64_t args[11] = {0, 0, 0, 0, L_SIGCHLD};
  long r = sys(NR_clone3, args, sizeof(args), 0);
  if (r == 0) sys(60, 0, 0, 0);
  return r;
}
