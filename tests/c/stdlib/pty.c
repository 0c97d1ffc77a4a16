/* No pseudo-terminals: posix_openpt fails with ENOSYS, and no descriptor
 * is a master, so grantpt/unlockpt give EINVAL and ptsname ENOTTY (EBADF
 * for closed descriptors). */
#include "test.h"
#include <fcntl.h>
#include <stdlib.h>

int main(void) {
  CHECK_ERRNO(posix_openpt(O_RDWR | O_NOCTTY), ENOSYS);
  CHECK_ERRNO(posix_openpt(O_RDONLY), EINVAL);
  CHECK_ERRNO(grantpt(TEST_DIR_FD), EINVAL);
  CHECK_ERRNO(unlockpt(1), EINVAL);
  CHECK_ERRNO(grantpt(99), EBADF);
  CHECK_ERRNO(unlockpt(-1), EBADF);
  errno = 0;
  CHECK(ptsname(1) == NULL);
  CHECK_EQ(errno, ENOTTY);
  errno = 0;
  CHECK(ptsname(99) == NULL);
  CHECK_EQ(errno, EBADF);
  return test_summary();
}
