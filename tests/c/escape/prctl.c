/* Any prctl(2), here clearing the dumpable flag. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_prctl, 4, 0, 0, 0, 0, 0);
}
