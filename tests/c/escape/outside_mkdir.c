/* Making a directory outside through `..`. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_create(GRANT, "../outside/d", 12, CLOUDABI_FILETYPE_DIRECTORY));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_mkdirat, GRANT, "../outside/d", 0777);
}
