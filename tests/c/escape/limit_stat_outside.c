/* Known limit: metadata of an outside file through `..` (Landlock does not cover stat). */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  cloudabi_filestat_t st;
  return cloudabi(cloudabi_sys_file_stat_get(follow(GRANT), "../outside/secret", 17, &st));
}

static long via_raw(char **arg) {
  (void)arg;
  static char buf[256];
  return sys6(NR_statx, GRANT, (long)"../outside/secret", 0, 0x7ff, (long)buf, 0);
}
