/* Moving a file out of the read-only grant into the writable one. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_rename(RO, "r", 1, GRANT, "stolen", 6));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_renameat2, RO, (long)"r", GRANT, (long)"stolen", 0, 0);
}
