/* statvfs, fstatvfs: the statistics of the file system holding a granted
 * file; the rights that read a file's status are needed; nothing outside
 * the grants. */
#include "test.h"
#include <fcntl.h>
#include <sys/capsicum.h>
#include <sys/statvfs.h>

int main(void) {
  struct statvfs a, b;
  CHECK_EQ(statvfs("/sandbox", &a), 0);
  CHECK(a.f_bsize > 0 && a.f_frsize > 0 && a.f_blocks > 0);
  CHECK(a.f_bavail <= a.f_bfree && a.f_bfree <= a.f_blocks);
  CHECK(a.f_favail <= a.f_ffree && a.f_ffree <= a.f_files);
  CHECK_EQ(a.f_namemax, 255);
  CHECK_EQ(a.f_flag & ST_RDONLY, 0);

  int fd = openat(TEST_DIR_FD, "f", O_RDWR | O_CREAT, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(fstatvfs(fd, &b), 0);
  CHECK_EQ(b.f_fsid, a.f_fsid);
  CHECK_EQ(b.f_blocks, a.f_blocks);
  CHECK_EQ(b.f_files, a.f_files);
  CHECK_EQ(b.f_flag, a.f_flag);
  CHECK_EQ(statvfs("f", &b), 0);
  CHECK_EQ(b.f_fsid, a.f_fsid);

  CHECK_ERRNO(fstatvfs(99, &b), EBADF);
  CHECK_ERRNO(statvfs("/sandbox/missing", &b), ENOENT);
  CHECK_ERRNO(statvfs("/etc", &b), ENOTCAPABLE);
  CHECK_ERRNO(statvfs("../..", &b), ENOTCAPABLE);

  cap_rights_t r;
  cap_rights_init(&r, CAP_READ);
  CHECK_EQ(cap_rights_limit(fd, &r), 0);
  CHECK_ERRNO(fstatvfs(fd, &b), ENOTCAPABLE);
  close(fd);
  return test_summary();
}
