/* A path longer than PATH_MAX that would end outside. */
#include "escape.h"

/* "sub/.." 800 times, then "../outside/secret": 5617 bytes. */
static const char *long_path(void) {
  static char buf[6000];
  char *p = buf;
  for (int i = 0; i < 800; i++) {
    memcpy(p, "sub/../", 7);
    p += 7;
  }
  memcpy(p, "../outside/secret", 18);
  return buf;
}

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, long_path(), O_RDONLY);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, long_path(), L_O_RDONLY);
}
