/* Started with the reference configuration (stdout and stderr only), the
 * program has exactly descriptors 1 and 2: nothing it inherited else. */
#include "test.h"
#include <fcntl.h>

int main(void) {
  CHECK(fcntl(1, F_GETFL) != -1);
  CHECK(fcntl(2, F_GETFL) != -1);
  CHECK_ERRNO(fcntl(0, F_GETFL), EBADF);
  int open_count = 0;
  for (int fd = 3; fd < 4096; fd++)
    if (fcntl(fd, F_GETFD) != -1) open_count++;
  CHECK_EQ(open_count, 0);
  /* Standard output is writable but not readable. */
  char c;
  CHECK_ERRNO(read(1, &c, 1), ENOTCAPABLE);
  return test_summary();
}
