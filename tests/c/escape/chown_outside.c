/* Changing the outside file's owner through `..`. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_fchownat, GRANT, (long)"../outside/secret", 65534, 65534, 0, 0);
}
