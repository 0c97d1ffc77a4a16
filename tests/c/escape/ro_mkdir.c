/* Making a directory in the read-only grant. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_create(RO, "d", 1, CLOUDABI_FILETYPE_DIRECTORY));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_mkdirat, RO, "d", 0777);
}
