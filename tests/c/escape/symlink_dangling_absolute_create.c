/* O_CREAT through a dangling absolute link whose target is outside. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "danglingabs", O_WRONLY | O_CREAT, 0644);
}

static long via_raw(char **arg) {
  (void)arg;
  return raw_open_write(GRANT, "danglingabs", L_O_WRONLY | L_O_CREAT);
}
