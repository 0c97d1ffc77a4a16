/* Mounting a tmpfs over the granted directory. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  return sys6(NR_mount, (long)"none", (long)join(arg[0], "/grant"), (long)"tmpfs", 0, 0, 0);
}
