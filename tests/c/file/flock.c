/* flock: no locks can be taken (ENOLCK), unlocking succeeds. */
#include "test.h"
#include <fcntl.h>
#include <sys/file.h>

int main(void) {
  int fd = openat(TEST_DIR_FD, "f", O_RDWR | O_CREAT, 0644);
  CHECK(fd >= 0);
  CHECK_ERRNO(flock(fd, LOCK_EX), ENOLCK);
  CHECK_ERRNO(flock(fd, LOCK_SH | LOCK_NB), ENOLCK);
  CHECK_EQ(flock(fd, LOCK_UN), 0);
  CHECK_ERRNO(flock(fd, LOCK_SH | LOCK_EX), EINVAL);
  CHECK_ERRNO(flock(fd, 0), EINVAL);
  CHECK_ERRNO(flock(99, LOCK_EX), EBADF);
  close(fd);
  return test_summary();
}
