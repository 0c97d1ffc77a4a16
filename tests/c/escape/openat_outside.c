/* openat(2) (rather than the emulator's openat2) out of the grant. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_openat, GRANT, (long)"../outside/secret", L_O_RDONLY, 0, 0, 0);
}
