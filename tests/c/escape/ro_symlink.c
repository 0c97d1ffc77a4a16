/* Making a symbolic link in the read-only grant. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_symlink("x", 1, RO, "l", 1));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_symlinkat, "x", RO, "l");
}
