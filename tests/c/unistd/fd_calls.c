/* Descriptor calls: lseek with both SEEK_SET values, pread/pwrite,
 * dup/dup2, ftruncate, fsync, pipe, and their errors. */
#include "test.h"
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

int main(void) {
  int fd = openat(TEST_DIR_FD, "f", O_RDWR | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "abcdef", 6), 6);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6);
  CHECK_EQ(lseek(fd, 1, SEEK_SET), 1);
  char b[4] = {0};
  CHECK_EQ(read(fd, b, 2), 2);
  CHECK_STR(b, "bc");
  CHECK_EQ(lseek(fd, -1, SEEK_END), 5);
  /* Compat code sees the traditional 0; cloudlibc's 3 is accepted too. */
  CHECK_EQ(SEEK_SET, 0);
  CHECK_EQ(lseek(fd, 2, 3), 2);
  CHECK_EQ(lseek(fd, 1, 0), 1);
  CHECK_ERRNO(lseek(fd, 0, 4), EINVAL);
  CHECK_ERRNO(lseek(fd, 0, -1), EINVAL);
  CHECK_EQ(lseek(fd, 5, SEEK_SET), 5);
  CHECK_ERRNO(lseek(fd, -10, SEEK_SET), EINVAL);
  CHECK_EQ(pwrite(fd, "XY", 2, 0), 2);
  CHECK_EQ(pread(fd, b, 3, 0), 3);
  CHECK_STR(b, "XYc");
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 5);
  CHECK_ERRNO(pread(fd, b, 1, -1), EINVAL);
  CHECK_EQ(ftruncate(fd, 3), 0);
  struct stat st;
  CHECK_EQ(fstat(fd, &st), 0);
  CHECK_EQ(st.st_size, 3);
  CHECK_EQ(fsync(fd), 0);
  CHECK_EQ(fdatasync(fd), 0);

  int d = dup(fd);
  CHECK(d > fd);
  CHECK_EQ(lseek(d, 0, SEEK_SET), 0);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
  CHECK_EQ(dup2(fd, d), d);
  CHECK_ERRNO(dup2(fd, 1000), EBADF);
  CHECK_EQ(close(d), 0);
  CHECK_ERRNO(close(d), EBADF);

  int ro = openat(TEST_DIR_FD, "f", O_RDONLY);
  CHECK_ERRNO(ftruncate(ro, 0), ENOTCAPABLE);
  CHECK_ERRNO(write(ro, "z", 1), ENOTCAPABLE);
  CHECK_EQ(close(ro), 0);

  int p[2];
  CHECK_EQ(pipe(p), 0);
  CHECK_EQ(write(p[1], "ping", 4), 4);
  char q[5] = {0};
  CHECK_EQ(read(p[0], q, 4), 4);
  CHECK_STR(q, "ping");
  /* No right could make a pipe seekable: ESPIPE, as POSIX says. */
  CHECK_ERRNO(lseek(p[1], 0, SEEK_END), ESPIPE);
  CHECK_ERRNO(lseek(p[0], 0, SEEK_CUR), ESPIPE);
  FILE *pf = fdopen(dup(p[1]), "a");
  CHECK(pf != NULL);
  CHECK_ERRNO(fseek(pf, 0, SEEK_SET), ESPIPE);
  fclose(pf);
  CHECK_EQ(close(p[0]), 0);
  CHECK_EQ(close(p[1]), 0);

  CHECK(sysconf(_SC_PAGESIZE) == 4096);
  CHECK(sysconf(_SC_NPROCESSORS_ONLN) >= 1);
  CHECK_ERRNO(sysconf(9999), EINVAL);
  CHECK_EQ(fpathconf(fd, _PC_NAME_MAX), 255);
  CHECK_EQ(close(fd), 0);
  CHECK_ERRNO(fsync(fd), EBADF);
  return test_summary();
}
