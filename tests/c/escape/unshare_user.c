/* A new user namespace, where the program would hold every capability. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_unshare, 0x10000000, 0, 0);
}
