/* Executing that program through a descriptor opened for reading; it would print ok. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  int fd = openat(GRANT, "echo", O_RDONLY);
  if (fd < 0) return -1;
  return cloudabi(cloudabi_sys_proc_exec(fd, "", 0, 0, 0));
}

static long via_raw(char **arg) {
  (void)arg;
  long fd = raw_open(GRANT, "echo", L_O_RDONLY);
  if (fd < 0) return fd;
  char *argv[] = {"echo", "ok", 0};
  return sys6(NR_execveat, fd, (long)"", (long)argv, 0, L_AT_EMPTY_PATH, 0);
}
