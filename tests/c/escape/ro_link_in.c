/* Hard-linking a writable-grant file into the read-only grant. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return cloudabi(cloudabi_sys_file_link(follow(GRANT), "f", 1, RO, "l", 1));
}

static long via_raw(char **arg) {
  (void)arg;
  return sys6(NR_linkat, GRANT, (long)"f", RO, (long)"l", 0, 0);
}
