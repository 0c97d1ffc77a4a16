/* Changing the outside file's mode through `..`. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_fchmodat, GRANT, (long)"../outside/secret", 0777, 0, 0, 0);
}
