/* ioctl: FIONREAD counts the bytes ready to read, FIONBIO switches
 * non-blocking mode, everything else is ENOTTY. */
#include "test.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

int main(void) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  int n = -1;
  CHECK_EQ(ioctl(sv[1], FIONREAD, &n), 0);
  CHECK_EQ(n, 0);
  CHECK_EQ(write(sv[0], "12345", 5), 5);
  CHECK_EQ(ioctl(sv[1], FIONREAD, &n), 0);
  CHECK_EQ(n, 5);

  int on = 1;
  CHECK_EQ(ioctl(sv[1], FIONBIO, &on), 0);
  CHECK(fcntl(sv[1], F_GETFL) & O_NONBLOCK);
  char buf[8];
  CHECK_EQ(read(sv[1], buf, sizeof(buf)), 5);
  CHECK_ERRNO(read(sv[1], buf, sizeof(buf)), EAGAIN);
  on = 0;
  CHECK_EQ(ioctl(sv[1], FIONBIO, &on), 0);
  CHECK(!(fcntl(sv[1], F_GETFL) & O_NONBLOCK));

  struct winsize ws;
  CHECK_ERRNO(ioctl(1, TIOCGWINSZ, &ws), ENOTTY);
  CHECK_ERRNO(ioctl(sv[0], 12345, &n), ENOTTY);
  CHECK_ERRNO(ioctl(1000, FIONREAD, &n), EBADF);

  /* A regular file: what is left to read from the current position. */
  int f = openat(TEST_DIR_FD, "data", O_RDWR | O_CREAT, 0600);
  CHECK(f >= 0);
  CHECK_EQ(write(f, "abcdefgh", 8), 8);
  CHECK_EQ(lseek(f, 3, SEEK_SET), 3);
  CHECK_EQ(ioctl(f, FIONREAD, &n), 0);
  CHECK_EQ(n, 5);
  close(f);
  close(sv[0]);
  close(sv[1]);
  return test_summary();
}
