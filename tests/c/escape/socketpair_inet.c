/* A socket pair of the internet family. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  int sv[2];
  return sys6(NR_socketpair, L_AF_INET, L_SOCK_STREAM, 0, (long)sv, 0, 0);
}
