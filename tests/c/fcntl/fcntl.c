/* fcntl reads and changes status flags, reports and changes close-on-exec
 * (standard streams start inheritable, new descriptors close-on-exec),
 * duplicates at or above a number, and rejects unknown commands and
 * descriptors. */
#include "test.h"
#include <fcntl.h>

int main(void) {
  int fl = fcntl(STDOUT_FILENO, F_GETFL);
  CHECK(fl != -1);
  CHECK((fl & O_WRONLY) != 0);
  CHECK_EQ(fl & O_NONBLOCK, 0);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_SETFL, fl | O_NONBLOCK), 0);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_SETFL, fl), 0);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_GETFL) & O_NONBLOCK, 0);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_GETFD), 0);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_SETFD, FD_CLOEXEC), 0);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_GETFD), FD_CLOEXEC);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_SETFD, 0), 0);
  CHECK_EQ(fcntl(STDOUT_FILENO, F_GETFD), 0);
  int d = fcntl(STDOUT_FILENO, F_DUPFD, 10);
  CHECK(d >= 10);
  CHECK_EQ(fcntl(d, F_GETFD), 0);
  int e = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 10);
  CHECK(e > d);
  CHECK_EQ(fcntl(e, F_GETFD), FD_CLOEXEC);
  CHECK_EQ(close(e), 0);
  CHECK_EQ(write(d, "", 0), 0);
  CHECK_EQ(close(d), 0);
  CHECK_ERRNO(fcntl(STDOUT_FILENO, 12345), EINVAL);
  CHECK_ERRNO(fcntl(77, F_GETFL), EBADF);
  CHECK_ERRNO(fcntl(-1, F_GETFD), EBADF);
  return test_summary();
}
