/* Moving a granted file outside. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_rename(GRANT, "f", 1, GRANT, "../outside/f", 12));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_renameat2, GRANT, (long)"f", GRANT, (long)"../outside/f", 0, 0);
}
