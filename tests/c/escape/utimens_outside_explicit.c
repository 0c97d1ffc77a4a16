/* Setting the outside file's times to chosen values through `..`. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  cloudabi_filestat_t st = {0};
  return cloudabi(cloudabi_sys_file_stat_put(follow(GRANT), "../outside/secret", 17, &st, CLOUDABI_FILESTAT_ATIM | CLOUDABI_FILESTAT_MTIM));
}

static long via_raw(char **arg) {
  (void)arg;
  int64_t times[4] = {0, 0, 0, 0};
  return sys6(NR_utimensat, GRANT, (long)"../outside/secret", (long)times, 0, 0, 0);
}
