/* Removing an empty outside directory through `..`. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_unlink(GRANT, "../outside/emptydir", 19, CLOUDABI_UNLINK_REMOVEDIR));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_unlinkat, GRANT, "../outside/emptydir", L_AT_REMOVEDIR);
}
