/* Moving the outside file into the grant. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_rename(GRANT, "../outside/secret", 17, GRANT, "stolen", 6));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_renameat2, GRANT, (long)"../outside/secret", GRANT, (long)"stolen", 0, 0);
}
