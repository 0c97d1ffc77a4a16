/* A long `..` chain up to the root and down again to the outside file. */
#include "escape.h"

/* "../" twenty times, then DIR/outside/secret without its leading slash. */
static const char *dotdots(const char *dir) {
  static char buf[512];
  char *p = buf;
  for (int i = 0; i < 20; i++) {
    memcpy(p, "../", 3);
    p += 3;
  }
  *p = 0;
  const char *rest = join(dir + 1, "/outside/secret");
  memcpy(p, rest, strlen(rest) + 1);
  return buf;
}

static long via_libc(char **arg) {
  return openat(GRANT, dotdots(arg[0]), O_RDONLY);
}

static long via_raw(char **arg) {
  return raw_open(GRANT, dotdots(arg[0]), L_O_RDONLY);
}
