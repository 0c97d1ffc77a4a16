/* The program makes its own link pointing outside, then opens it. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  if (cloudabi(cloudabi_sys_file_symlink("../outside/secret", 17, GRANT, "mine", 4)) != 0) return -1;
  return openat(GRANT, "mine", O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  long r = sys(NR_symlinkat, "../outside/secret", GRANT, "mine");
  if (r < 0) return r;
  return raw_open(GRANT, "mine", L_O_RDONLY);
}
