/* Making a file the program created set-user-ID, which would let whoever
 * runs it act as the sandbox's user. */
#include "escape.h"
#include <sys/stat.h>

static long via_libc(char **arg) {
  (void)arg;
  int fd = openat(GRANT, "setuid", O_RDWR | O_CREAT, 0755);
  if (fd < 0) return -1;
  return fchmod(fd, 04755);
}

static long via_raw(char **arg) {
  (void)arg;
  long fd = raw_open(GRANT, "setuid", L_O_RDWR | L_O_CREAT);
  if (fd < 0) return fd;
  return sys(NR_fchmod, fd, 04755, 0);
}
