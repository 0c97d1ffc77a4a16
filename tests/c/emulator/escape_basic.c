/* A program given one directory cannot leave it: absolute paths, `..`
 * above it and an absolute symlink inside it all fail with ENOTCAPABLE,
 * while `..` that stays inside works. */
#include "test.h"
#include <fcntl.h>

/* Raw CloudABI calls, to create what the test needs before file-creating
 * functions exist in the headers. */
unsigned short cloudabi_sys_file_symlink(const char *, unsigned long, unsigned int, const char *, unsigned long);
unsigned short cloudabi_sys_file_create(unsigned int, const char *, unsigned long, unsigned char);

int main(void) {
  CHECK_ERRNO(openat(TEST_DIR_FD, "/etc/passwd", O_RDONLY), ENOTCAPABLE);
  CHECK_ERRNO(openat(TEST_DIR_FD, "../x", O_RDONLY), ENOTCAPABLE);
  CHECK_ERRNO(openat(TEST_DIR_FD, "..", O_RDONLY | O_DIRECTORY), ENOTCAPABLE);
  CHECK_EQ(cloudabi_sys_file_symlink("/etc/passwd", 11, TEST_DIR_FD, "abs", 3), 0);
  CHECK_ERRNO(openat(TEST_DIR_FD, "abs", O_RDONLY), ENOTCAPABLE);
  CHECK_EQ(cloudabi_sys_file_symlink("../../../../etc/passwd", 22, TEST_DIR_FD, "rel", 3), 0);
  CHECK_ERRNO(openat(TEST_DIR_FD, "rel", O_RDONLY), ENOTCAPABLE);
  CHECK_EQ(cloudabi_sys_file_create(TEST_DIR_FD, "sub", 3, 0x20 /* DIRECTORY */), 0);
  int fd = openat(TEST_DIR_FD, "sub/../new", O_WRONLY | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "ok", 2), 2);
  CHECK_EQ(close(fd), 0);
  fd = openat(TEST_DIR_FD, "new", O_RDONLY);
  char buf[4] = {0};
  CHECK_EQ(read(fd, buf, sizeof(buf)), 2);
  CHECK_STR(buf, "ok");
  /* A read-only descriptor cannot be written. */
  CHECK_ERRNO(write(fd, "x", 1), ENOTCAPABLE);
  CHECK_EQ(close(fd), 0);
  return test_summary();
}
