/* Removing a directory from the read-only grant. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_unlink(RO, "rsub", 4, CLOUDABI_UNLINK_REMOVEDIR));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_unlinkat, RO, "rsub", L_AT_REMOVEDIR);
}
