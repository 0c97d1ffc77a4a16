/* Changing the mode of the read-only granted file through its descriptor. */
#include "escape.h"
#include <sys/stat.h>

static long via_libc(char **arg) {
  (void)arg;
  return fchmod(ROFILE, 0777);
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_fchmod, ROFILE, 0777, 0);
}
