/* userfaultfd(2). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_userfaultfd, 0, 0, 0);
}
