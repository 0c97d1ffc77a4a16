/* Writing to the read-only granted file's descriptor. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return write(ROFILE, "pwned\n", 6);
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_write, ROFILE, "pwned\n", 6);
}
