/* The parent's memory through /proc/PID/mem. */
#include "escape.h"

static const char *proc_mem(const char *pid) {
  static char buf[64];
  size_t n = strlen(pid);
  memcpy(buf, "/proc/", 6);
  memcpy(buf + 6, pid, n);
  memcpy(buf + 6 + n, "/mem", 5);
  return buf;
}

static long via_libc(char **arg) {
  return openat(GRANT, proc_mem(arg[1]), O_RDONLY);
}

static long via_raw(char **arg) {
  return raw_open(GRANT, proc_mem(arg[1]), L_O_RDONLY);
}
