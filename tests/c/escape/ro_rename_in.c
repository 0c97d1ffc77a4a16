/* Moving a file from the writable grant into the read-only one. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_rename(GRANT, "f", 1, RO, "planted", 7));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_renameat2, GRANT, (long)"f", RO, (long)"planted", 0, 0);
}
