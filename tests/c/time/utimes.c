/* The compat utimes and utime set times through the directory grants. */
#include "test.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <utime.h>

int main(void) {
  int fd = openat(TEST_DIR_FD, "f", O_CREAT | O_WRONLY, 0644);
  CHECK(fd >= 0);
  close(fd);
  struct timeval tv[2] = {{1000000000, 250000}, {1200000000, 500000}};
  CHECK_EQ(utimes("/sandbox/f", tv), 0);
  struct stat st;
  CHECK_EQ(fstatat(TEST_DIR_FD, "f", &st, 0), 0);
  CHECK_EQ(st.st_atim.tv_sec, 1000000000);
  CHECK_EQ(st.st_atim.tv_nsec, 250000000);
  CHECK_EQ(st.st_mtim.tv_sec, 1200000000);
  struct utimbuf ub = {1300000000, 1400000000};
  CHECK_EQ(utime("f", &ub), 0);
  CHECK_EQ(fstatat(TEST_DIR_FD, "f", &st, 0), 0);
  CHECK_EQ(st.st_mtim.tv_sec, 1400000000);
  CHECK_EQ(st.st_mtim.tv_nsec, 0);
  CHECK_EQ(utime("f", NULL), 0);
  CHECK_EQ(fstatat(TEST_DIR_FD, "f", &st, 0), 0);
  CHECK(st.st_mtim.tv_sec > 1600000000);
  CHECK_ERRNO(utimes("/etc/passwd", NULL), ENOTCAPABLE);
  CHECK_ERRNO(utime("missing", &ub), ENOENT);
  tv[0].tv_usec = 2000000;
  CHECK_ERRNO(utimes("f", tv), EINVAL);
  return test_summary();
}
