/* Hard-linking a granted file to a name outside. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_link(follow(GRANT), "f", 1, GRANT, "../outside/planted", 18));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_linkat, GRANT, (long)"f", GRANT, (long)"../outside/planted", 0, 0);
}
