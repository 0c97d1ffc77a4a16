/* cloudlibc's pselect, whose signal mask argument may be left out. */
#define _CLOUDLIBC_STRICT
#include "test.h"
#include <sys/select.h>
#include <sys/socket.h>

int main(void) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  int nfds = (sv[0] > sv[1] ? sv[0] : sv[1]) + 1;
  fd_set r;
  FD_ZERO(&r);
  FD_SET(sv[1], &r);
  struct timespec ts = {0, 10000000};
  CHECK_EQ(pselect(nfds, &r, NULL, NULL, &ts), 0);
  CHECK_EQ(write(sv[0], "x", 1), 1);
  FD_SET(sv[1], &r);
  CHECK_EQ(pselect(nfds, &r, NULL, NULL, NULL), 1);
  CHECK_EQ(FD_ISSET(sv[1], &r), 1);
  close(sv[0]);
  close(sv[1]);
  return test_summary();
}
