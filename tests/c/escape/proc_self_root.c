/* The outside file through /proc/self/root. */
#include "escape.h"

/* DIR/outside/secret seen from /proc/self/root. */
static const char *through_root(const char *dir) {
  static char path[4200];
  const char *outside = join(dir, "/outside/secret");
  memcpy(path, "/proc/self/root", 15);
  memcpy(path + 15, outside, strlen(outside) + 1);
  return path;
}

static long via_libc(char **arg) {
  return openat(GRANT, through_root(arg[0]), O_RDONLY);
}

static long via_raw(char **arg) {
  return raw_open(GRANT, through_root(arg[0]), L_O_RDONLY);
}
