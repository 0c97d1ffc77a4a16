/* setuid(0). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_setuid, 0, 0, 0);
}
