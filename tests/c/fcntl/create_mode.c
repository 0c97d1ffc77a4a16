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
  umask(077);
  fd = openat(TEST_DIR_FD, "narrow", O_WRONLY | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("narrow"), 0600);
  close(fd);
  return test_summary();
}
