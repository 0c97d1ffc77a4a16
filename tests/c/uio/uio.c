/* readv, writev, preadv, pwritev: buffers in order, offsets leave the file
 * position alone, and the errors for bad counts, descriptors and rights. */
#include "test.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/uio.h>

int main(void) {
  int f = openat(TEST_DIR_FD, "v", O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(f >= 0);
  struct iovec out[3] = {{"abc", 3}, {"", 0}, {"defgh", 5}};
  CHECK_EQ(writev(f, out, 3), 8);
  CHECK_EQ(lseek(f, 0, SEEK_CUR), 8);

  char a[2], b[4], c[8] = {0};
  struct iovec in[3] = {{a, 2}, {b, 4}, {c, sizeof(c)}};
  CHECK_EQ(lseek(f, 0, SEEK_SET), 0);
  CHECK_EQ(readv(f, in, 3), 8);
  CHECK_EQ(memcmp(a, "ab", 2), 0);
  CHECK_EQ(memcmp(b, "cdef", 4), 0);
  CHECK_STR(c, "gh");
  CHECK_EQ(readv(f, in, 3), 0);

  struct iovec patch[2] = {{"X", 1}, {"YZ", 2}};
  CHECK_EQ(pwritev(f, patch, 2, 2), 3);
  CHECK_EQ(lseek(f, 0, SEEK_CUR), 8);
  memset(c, 0, sizeof(c));
  struct iovec whole[2] = {{a, 2}, {c, 6}};
  CHECK_EQ(preadv(f, whole, 2, 0), 8);
  CHECK_EQ(memcmp(a, "ab", 2), 0);
  CHECK_STR(c, "XYZfgh");
  CHECK_EQ(lseek(f, 0, SEEK_CUR), 8);
  CHECK_EQ(readv(f, in, 0), 0);

  CHECK_ERRNO(readv(f, in, -1), EINVAL);
  CHECK_ERRNO(writev(f, out, IOV_MAX + 1), EINVAL);
  CHECK_ERRNO(preadv(f, in, 1, -1), EINVAL);
  CHECK_ERRNO(pwritev(f, out, 1, -5), EINVAL);
  CHECK_ERRNO(readv(1000, in, 1), EBADF);
  CHECK_ERRNO(writev(-1, out, 1), EBADF);

  /* A read-only descriptor has no right to write. */
  int ro = openat(TEST_DIR_FD, "v", O_RDONLY);
  CHECK(ro >= 0);
  CHECK_ERRNO(writev(ro, out, 1), ENOTCAPABLE);
  CHECK_ERRNO(pwritev(ro, out, 1, 0), ENOTCAPABLE);
  CHECK_EQ(preadv(ro, in, 1, 6), 2);
  close(ro);
  close(f);
  return test_summary();
}
