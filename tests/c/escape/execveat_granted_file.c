/* Executing a program in a grant given without exec: true; it would print ok. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "echo", O_EXEC);
}

static long via_raw(char **arg) {
  (void)arg;
  char *argv[] = {"echo", "ok", 0};
  return sys6(NR_execveat, GRANT, (long)"echo", (long)argv, 0, L_AT_EMPTY_PATH, 0);
}
