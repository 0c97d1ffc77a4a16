/* A connection to the test's abstract unix socket (EXTRA: its name). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  long s = sys(NR_socket, L_AF_UNIX, L_SOCK_STREAM, 0);
  if (s < 0) return s;
  struct l_sockaddr_un a = {L_AF_UNIX, {0}};
  memcpy(a.path + 1, arg[1], strlen(arg[1]));
  return sys(NR_connect, s, &a, 2 + 1 + strlen(arg[1]));
}
