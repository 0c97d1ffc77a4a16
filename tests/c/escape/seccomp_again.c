/* Installing another seccomp filter. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  uint64_t allow_all[1] = {0x7fff000000000006ull};
  struct {
    uint16_t len;
    void *filter;
  } prog = {1, allow_all};
  return sys(NR_seccomp, 1, 0, &prog);
}
