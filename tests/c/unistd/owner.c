/* Every file belongs to 65534; the chown family succeeds only when the
 * owner would not change, after checking that the file exists. */
#include "test.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void) {
  int fd = openat(TEST_DIR_FD, "f", O_RDWR | O_CREAT, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(symlinkat("f", TEST_DIR_FD, "link"), 0);
  CHECK_EQ(symlinkat("missing", TEST_DIR_FD, "dangling"), 0);

  CHECK_EQ(chown("/sandbox/f", 65534, 65534), 0);
  CHECK_EQ(chown("f", (uid_t)-1, (gid_t)-1), 0);
  CHECK_ERRNO(chown("f", 0, (gid_t)-1), EPERM);
  CHECK_ERRNO(chown("f", (uid_t)-1, 100), EPERM);
  CHECK_ERRNO(chown("missing", 65534, 65534), ENOENT);
  CHECK_ERRNO(chown("/etc/passwd", 65534, 65534), ENOTCAPABLE);

  CHECK_EQ(lchown("dangling", 65534, (gid_t)-1), 0);
  CHECK_ERRNO(chown("dangling", 65534, (gid_t)-1), ENOENT);
  CHECK_ERRNO(lchown("link", 0, 0), EPERM);

  CHECK_EQ(fchownat(TEST_DIR_FD, "f", 65534, 65534, 0), 0);
  CHECK_EQ(fchownat(TEST_DIR_FD, "dangling", 65534, 65534, AT_SYMLINK_NOFOLLOW), 0);
  CHECK_ERRNO(fchownat(TEST_DIR_FD, "f", 1, 1, 0), EPERM);

  CHECK_EQ(fchown(fd, 65534, 65534), 0);
  CHECK_ERRNO(fchown(fd, 0, 0), EPERM);
  CHECK_ERRNO(fchown(99, 65534, 65534), EBADF);

  struct stat st;
  CHECK_EQ(fstat(fd, &st), 0);
  CHECK_EQ(st.st_uid, 65534);
  close(fd);
  return test_summary();
}
