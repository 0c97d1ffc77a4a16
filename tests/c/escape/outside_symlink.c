/* Making a symbolic link outside. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_symlink("x", 1, GRANT, "../outside/planted", 18));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_symlinkat, "x", GRANT, "../outside/planted");
}
