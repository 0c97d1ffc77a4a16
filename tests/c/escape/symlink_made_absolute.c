/* The program makes an absolute link to the outside file, then writes through it. */
#include "escape.h"

static long via_libc(char **arg) {
  const char *target = join(arg[0], "/outside/secret");
  if (cloudabi(cloudabi_sys_file_symlink(target, strlen(target), GRANT, "mine", 4)) != 0) return -1;
  return openat(GRANT, "mine", O_WRONLY);
}

static long via_raw(char **arg) {
  long r = sys(NR_symlinkat, join(arg[0], "/outside/secret"), GRANT, "mine");
  if (r < 0) return r;
  return raw_open_write(GRANT, "mine", L_O_WRONLY);
}
