/* Looks for any open descriptor beyond the three grants and stdout/stderr. */
#include "escape.h"

static long via_libc(char **arg) {
  (void)arg;
  for (int fd = 0; fd < 1024; fd++)
    if (fd != 1 && fd != 2 && fd != GRANT && fd != RO && fd != ROFILE && fcntl(fd, F_GETFD) >= 0) return fd;
  return -1;
}

static long via_raw(char **arg) {
  (void)arg;
  for (int fd = 0; fd < 1024; fd++) {
    if (fd == 1 || fd == 2 || fd == GRANT || fd == RO || fd == ROFILE) continue;
    long r = sys(NR_fcntl, fd, 1, 0);
    if (r >= 0) return fd;
    if (r != -9) return r;
  }
  return -9;
}
