/* A path component longer than NAME_MAX. */
#include "escape.h"

static const char *long_name(void) {
  static char buf[300];
  memset(buf, 'a', sizeof(buf) - 1);
  buf[sizeof(buf) - 1] = 0;
  return buf;
}

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, long_name(), O_RDONLY | O_CREAT, 0644);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open(GRANT, long_name(), L_O_RDONLY | L_O_CREAT);
}
