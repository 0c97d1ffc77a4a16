/* Terminal names and process groups: descriptors that are not terminals
 * give ENOTTY, terminals (character devices) have no known name (ENOTSUP)
 * and no foreground group (ENOTTY), closed ones EBADF. The configuration
 * grants /dev/null, a character device. */
#include "test.h"
#include "chardev.h"

int main(void) {
  char buf[64];
  int pipefd[2];
  CHECK_EQ(pipe(pipefd), 0);
  errno = 0;
  CHECK(ttyname(pipefd[0]) == NULL);
  CHECK_EQ(errno, ENOTTY);
  CHECK_EQ(ttyname_r(pipefd[0], buf, sizeof(buf)), ENOTTY);
  CHECK_ERRNO(tcgetpgrp(pipefd[0]), ENOTTY);
  CHECK_ERRNO(tcsetpgrp(pipefd[0], 1), ENOTTY);

  errno = 0;
  CHECK(ttyname(99) == NULL);
  CHECK_EQ(errno, EBADF);
  CHECK_EQ(ttyname_r(99, buf, sizeof(buf)), EBADF);
  CHECK_ERRNO(tcgetpgrp(99), EBADF);

  int tty = find_chardev();
  CHECK(tty >= 0);
  CHECK_EQ(isatty(tty), 1);
  errno = 0;
  CHECK(ttyname(tty) == NULL);
  CHECK_EQ(errno, ENOTSUP);
  CHECK_EQ(ttyname_r(tty, buf, sizeof(buf)), ENOTSUP);
  CHECK_ERRNO(tcgetpgrp(tty), ENOTTY);
  CHECK_ERRNO(tcsetpgrp(tty, getpgrp()), ENOTTY);
  return test_summary();
}
