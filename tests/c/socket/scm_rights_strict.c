/* The same descriptor passing with cloudlibc's own msghdr (no address
 * fields), as a program built against cloudlibc's headers sees it. */
#define _CLOUDLIBC_STRICT
#include "test.h"
#include <fcntl.h>
#include <sys/socket.h>

int main(void) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
  int fds[2] = {sv[0], TEST_DIR_FD};

  struct iovec iov = {"x", 1};
  union {
    struct cmsghdr align;
    char buf[CMSG_SPACE(sizeof(fds))];
  } out;
  struct msghdr msg = {&iov, 1, out.buf, sizeof(out.buf), 0};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_len = CMSG_LEN(sizeof(fds));
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  memcpy(CMSG_DATA(c), fds, sizeof(fds));
  CHECK_EQ(sendmsg(sv[0], &msg, 0), 1);

  char data;
  struct iovec in_iov = {&data, 1};
  union {
    struct cmsghdr align;
    char buf[CMSG_SPACE(sizeof(fds))];
  } in;
  struct msghdr rmsg = {&in_iov, 1, in.buf, sizeof(in.buf), 0};
  CHECK_EQ(recvmsg(sv[1], &rmsg, 0), 1);
  CHECK_EQ(data, 'x');
  CHECK_EQ(rmsg.msg_flags, 0);
  c = CMSG_FIRSTHDR(&rmsg);
  CHECK(c != NULL && c->cmsg_len == CMSG_LEN(sizeof(fds)));
  int got[2] = {-1, -1};
  if (c != NULL) memcpy(got, CMSG_DATA(c), sizeof(got));
  /* The directory arrived: a file can be made beneath it. */
  int f = openat(got[1], "via-passed-dir", O_WRONLY | O_CREAT, 0600);
  CHECK(f >= 0);
  close(f);
  CHECK_EQ(send(got[0], "y", 1, 0), 1);
  CHECK_EQ(recv(sv[1], &data, 1, 0), 1);
  CHECK_EQ(data, 'y');
  close(got[0]);
  close(got[1]);
  close(sv[0]);
  close(sv[1]);
  return test_summary();
}
