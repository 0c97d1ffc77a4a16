/* No terminal control: calls on descriptors fail (EBADF, ENOTTY for
 * non-terminals, EINVAL for bad arguments, ENOTSUP for terminals); the
 * speed and raw-mode helpers change the structure. The configuration
 * grants /dev/null, a character device. */
#include "test.h"
#include "chardev.h"
#include <termios.h>

int main(void) {
  struct termios t;
  memset(&t, 0, sizeof(t));
  t.c_iflag = ICRNL | IXON | BRKINT;
  t.c_oflag = OPOST | ONLCR;
  t.c_lflag = ECHO | ICANON | ISIG | IEXTEN;
  t.c_cflag = CS7 | PARENB | CREAD;
  cfmakeraw(&t);
  CHECK_EQ(t.c_iflag & (ICRNL | IXON | BRKINT), 0);
  CHECK_EQ(t.c_oflag & OPOST, 0);
  CHECK_EQ(t.c_oflag & ONLCR, ONLCR);
  CHECK_EQ(t.c_lflag & (ECHO | ICANON | ISIG | IEXTEN), 0);
  CHECK_EQ(t.c_cflag & (CSIZE | PARENB), CS8);
  CHECK_EQ(t.c_cflag & CREAD, CREAD);
  CHECK_EQ(t.c_cc[VMIN], 1);
  CHECK_EQ(t.c_cc[VTIME], 0);

  CHECK_EQ(cfsetospeed(&t, B9600), 0);
  CHECK_EQ(cfsetispeed(&t, B115200), 0);
  CHECK_EQ(cfgetospeed(&t), B9600);
  CHECK_EQ(cfgetispeed(&t), B115200);
  CHECK_ERRNO(cfsetospeed(&t, 12345), EINVAL);
  CHECK_EQ(cfgetospeed(&t), B9600);
  CHECK_EQ(cfsetspeed(&t, B38400), 0);
  CHECK_EQ(cfgetispeed(&t), 38400);
  CHECK_EQ(cfgetospeed(&t), 38400);

  int p[2];
  CHECK_EQ(pipe(p), 0);
  CHECK_ERRNO(tcgetattr(p[0], &t), ENOTTY);
  CHECK_ERRNO(tcsetattr(p[1], TCSANOW, &t), ENOTTY);
  CHECK_ERRNO(tcdrain(p[1]), ENOTTY);
  CHECK_ERRNO(tcflush(p[0], TCIFLUSH), ENOTTY);
  CHECK_ERRNO(tcflow(p[1], TCOON), ENOTTY);
  CHECK_ERRNO(tcsendbreak(p[1], 0), ENOTTY);
  CHECK_ERRNO(tcgetsid(p[0]), ENOTTY);
  CHECK_ERRNO(tcgetattr(99, &t), EBADF);

  int tty = find_chardev();
  CHECK(tty >= 0);
  CHECK_ERRNO(tcgetattr(tty, &t), ENOTSUP);
  CHECK_ERRNO(tcsetattr(tty, TCSAFLUSH, &t), ENOTSUP);
  CHECK_ERRNO(tcsetattr(tty, 7, &t), EINVAL);
  CHECK_ERRNO(tcflush(tty, TCIOFLUSH), ENOTSUP);
  CHECK_ERRNO(tcflush(tty, 0), EINVAL);
  CHECK_ERRNO(tcflow(tty, 9), EINVAL);
  CHECK_ERRNO(tcdrain(tty), ENOTSUP);
  CHECK_ERRNO(tcsendbreak(tty, 0), ENOTSUP);
  CHECK_ERRNO(tcgetsid(tty), ENOTTY);
  return test_summary();
}
