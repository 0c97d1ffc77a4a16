/* execve(2) of a program outside the grants; it would print ok. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "/bin/echo", O_EXEC);
}

static long via_raw(char **arg) {
  (void)arg;
  char *argv[] = {"echo", "ok", 0};
  return sys(NR_execve, "/bin/echo", argv, 0);
}
