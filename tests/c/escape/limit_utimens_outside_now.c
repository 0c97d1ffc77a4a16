/* Known limit: setting a writable outside file's times to now through `..`. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  cloudabi_filestat_t st = {0};
  return cloudabi(cloudabi_sys_file_stat_put(follow(GRANT), "../outside/secret", 17, &st,
                                             CLOUDABI_FILESTAT_ATIM_NOW | CLOUDABI_FILESTAT_MTIM_NOW));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_utimensat, GRANT, (long)"../outside/secret", 0, 0, 0, 0);
}
