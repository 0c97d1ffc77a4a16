/* A datagram to the test's abstract socket, sent on a socket pair the filter allows. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  int sv[2];
  long r = sys6(NR_socketpair, L_AF_UNIX, L_SOCK_DGRAM, 0, (long)sv, 0, 0);
  if (r < 0) return r;
  struct l_sockaddr_un a = {L_AF_UNIX, {0}};
  memcpy(a.path + 1, arg[1], strlen(arg[1]));
  return send_to(sv[0], &a, 2 + 1 + strlen(arg[1]));
}
