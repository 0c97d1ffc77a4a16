/* Removing the outside file through `..`. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_unlink(GRANT, "../outside/secret", 17, 0));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_unlinkat, GRANT, "../outside/secret", 0);
}
