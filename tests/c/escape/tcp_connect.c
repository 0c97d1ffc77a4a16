/* A TCP connection to the test's listener on 127.0.0.1 (EXTRA: its port). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  long s = sys(NR_socket, L_AF_INET, L_SOCK_STREAM, 0);
  if (s < 0) return s;
  struct l_sockaddr_in a = loopback((int)number(arg[1]));
  return sys(NR_connect, s, &a, sizeof(a));
}
