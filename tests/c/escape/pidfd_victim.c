/* A pidfd for a process of the same user, to signal it (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  long fd = sys(NR_pidfd_open, number(arg[1]), 0, 0);
  if (fd < 0) return fd;
  return sys6(NR_pidfd_send_signal, fd, L_SIGKILL, 0, 0, 0, 0);
}
