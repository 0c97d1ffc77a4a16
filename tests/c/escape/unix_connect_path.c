/* A connection to the test's unix socket at DIR/outside/sock. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  return openat(GRANT, "../outside/sock", O_RDONLY);
}

static long via_raw(char **arg) {
  long s = sys(NR_socket, L_AF_UNIX, L_SOCK_STREAM, 0);
  if (s < 0) return s;
  struct l_sockaddr_un a = {L_AF_UNIX, {0}};
  const char *p = join(arg[0], "/outside/sock");
  memcpy(a.path, p, strlen(p) + 1);
  return sys(NR_connect, s, &a, sizeof(a));
}
