/* openat(2) through the x32 numbering. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys6(X32_BIT | NR_openat, GRANT, (long)"../outside/secret", L_O_RDONLY, 0, 0, 0);
}
