/* A file open creates gets the mode argument's permission bits, narrowed
 * by the umask; an existing file keeps its mode. */
#include "test.h"
#include <fcntl.h>
#include <sys/stat.h>

static int mode_of(const char *name) {
  struct stat st;
  if (fstatat(TEST_DIR_FD, name, &st, 0) != 0) return -1;
  return st.st_mode & 07777;
}

int main(void) {
  umask(022);
  int fd = openat(TEST_DIR_FD, "private", O_RDWR | O_CREAT | O_EXCL, 0600);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("private"), 0600);
  close(fd);
  fd = openat(TEST_DIR_FD, "shared", O_WRONLY | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("shared"), 0644);
  close(fd);
  /* Opening an existing file changes nothing. */
  fd = openat(TEST_DIR_FD, "private", O_RDWR | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("private"), 0600);
  close(fd);
  /* Set-id and sticky bits are never given. */
  fd = openat(TEST_DIR_FD, "setid", O_WRONLY | O_CREAT, 06755);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("setid"), 0755);
  close(fd);
  /* Created so that its owner may not open it again, it can still have
   * its mode changed back. */
  fd = openat(TEST_DIR_FD, "zero", O_CREAT, 0);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(mode_of("zero"), 0);
  CHECK_ERRNO(openat(TEST_DIR_FD, "zero", O_RDONLY), EACCES);
  CHECK_EQ(fchmodat(TEST_DIR_FD, "zero", 0644, 0), 0);
  CHECK_EQ(mode_of("zero"), 0644);
  fd = openat(TEST_DIR_FD, "zero", O_RDONLY);
  CHECK(fd >= 0);
  close(fd);
  /* An existing file opened with such a mode keeps its own. */
  fd = openat(TEST_DIR_FD, "zero", O_RDONLY | O_CREAT, 0);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(mode_of("zero"), 0644);
  umask(077);
  fd = openat(TEST_DIR_FD, "narrow", O_WRONLY | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("narrow"), 0600);
  close(fd);
  return test_summary();
}
