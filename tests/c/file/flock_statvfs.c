/* flock: no locks can be taken (ENOLCK), unlocking succeeds; statvfs and
 * fstatvfs: no file system statistics (ENOSYS) once the file is found. */
#include "test.h"
#include <fcntl.h>
#include <sys/file.h>
#include <sys/statvfs.h>

int main(void) {
  int fd = openat(TEST_DIR_FD, "f", O_RDWR | O_CREAT, 0644);
  CHECK(fd >= 0);
  CHECK_ERRNO(flock(fd, LOCK_EX), ENOLCK);
  CHECK_ERRNO(flock(fd, LOCK_SH | LOCK_NB), ENOLCK);
  CHECK_EQ(flock(fd, LOCK_UN), 0);
  CHECK_ERRNO(flock(fd, LOCK_SH | LOCK_EX), EINVAL);
  CHECK_ERRNO(flock(fd, 0), EINVAL);
  CHECK_ERRNO(flock(99, LOCK_EX), EBADF);

  struct statvfs sv;
  CHECK_ERRNO(fstatvfs(fd, &sv), ENOSYS);
  CHECK_ERRNO(fstatvfs(99, &sv), EBADF);
  CHECK_ERRNO(statvfs("/sandbox/f", &sv), ENOSYS);
  CHECK_ERRNO(statvfs("/sandbox/missing", &sv), ENOENT);
  CHECK_ERRNO(statvfs("/etc", &sv), ENOTCAPABLE);
  close(fd);
  return test_summary();
}
