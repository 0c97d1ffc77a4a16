/* add_key(2) into the session keyring. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_add_key, (long)"user", (long)"escape", (long)"x", 1, -3, 0);
}
