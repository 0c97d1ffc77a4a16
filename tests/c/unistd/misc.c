/* confstr, gethostid, getlogin, nice, sync and chroot (lockf: file/locks.c). */
#include "test.h"
#include <fcntl.h>
#include <sys/resource.h>

int main(void) {
  char buf[16] = "xxxx";
  CHECK_EQ(confstr(_CS_PATH, buf, sizeof(buf)), 1);
  CHECK_STR(buf, "");
  CHECK_EQ(confstr(_CS_PATH, NULL, 0), 1);
  errno = 0;
  CHECK_EQ(confstr(12345, buf, sizeof(buf)), 0);
  CHECK_EQ(errno, EINVAL);

  CHECK_EQ(gethostid(), 0);

  errno = 0;
  CHECK(getlogin() == NULL);
  CHECK_EQ(errno, ENXIO);
  CHECK_EQ(getlogin_r(buf, sizeof(buf)), ENXIO);

  errno = 0;
  int base = nice(0);
  CHECK_EQ(errno, 0);
  CHECK_EQ(base, getpriority(PRIO_PROCESS, 0));
  if (base < 19) CHECK_EQ(nice(1), base + 1);
  CHECK_ERRNO(nice(-1), EPERM);
  CHECK_EQ(nice(100), 19);

  int fd = openat(TEST_DIR_FD, "data", O_RDWR | O_CREAT, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "abc", 3), 3);
  sync();
  close(fd);

  CHECK_ERRNO(chroot("/sandbox"), EPERM);
  return test_summary();
}
