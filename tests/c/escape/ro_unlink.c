/* Removing a file from the read-only grant. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_unlink(RO, "r", 1, 0));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_unlinkat, RO, "r", 0);
}
