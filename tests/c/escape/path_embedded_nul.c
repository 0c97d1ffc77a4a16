/* A path whose part after an embedded NUL would escape; before it, a link out. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  cloudabi_fd_t fd;
  cloudabi_fdstat_t st = {.fs_rights_base = CLOUDABI_RIGHT_FD_READ};
  static const char path[] = "upfile\0/../../outside/secret";
  return cloudabi(cloudabi_sys_file_open(follow(GRANT), path, sizeof(path) - 1, 0, &st, &fd));
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, "upfile\0/../../outside/secret", L_O_RDONLY);
}
