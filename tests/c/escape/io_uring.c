/* io_uring_setup(2), whose requests the filter could not see. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  char params[120] = {0};
  return sys(NR_io_uring_setup, 4, params, 0);
}
