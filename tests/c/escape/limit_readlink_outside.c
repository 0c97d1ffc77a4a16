/* Known limit: the target of an outside link through `..`. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  char buf[64];
  size_t n;
  return cloudabi(cloudabi_sys_file_readlink(GRANT, "../outside/link", 15, buf, sizeof(buf), &n));
}

static long via_raw(char **arg) {
  (void)arg;
  char buf[64];
  return sys6(NR_readlinkat, GRANT, (long)"../outside/link", (long)buf, sizeof(buf), 0, 0);
}
