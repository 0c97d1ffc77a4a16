/* recvmsg/sendmsg with POSIX's msghdr (compat): data in several buffers
 * and a descriptor passed as SCM_RIGHTS, walked with CMSG_FIRSTHDR and
 * CMSG_NXTHDR; too little control space is MSG_CTRUNC; no address is ever
 * reported or accepted. */
#include "test.h"
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/uio.h>

static int send_fd(int sock, int fd, const char *data) {
  struct iovec iov = {(void *)data, strlen(data)};
  union {
    struct cmsghdr align;
    char buf[CMSG_SPACE(sizeof(int))];
  } control;
  memset(&control, 0, sizeof(control));
  struct msghdr msg = {0};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control.buf;
  msg.msg_controllen = sizeof(control.buf);
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof(int));
  return (int)sendmsg(sock, &msg, 0);
}

int main(void) {
  int f = openat(TEST_DIR_FD, "shared", O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(f >= 0);
  CHECK_EQ(write(f, "file contents", 13), 13);

  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  CHECK_EQ(send_fd(sv[0], f, "hello, world"), 12);

  char a[5] = {0}, b[16] = {0};
  struct iovec iov[2] = {{a, 4}, {b, sizeof(b) - 1}};
  char control[CMSG_SPACE(sizeof(int) * 4)];
  struct msghdr msg = {0};
  char name[16];
  msg.msg_name = name;
  msg.msg_namelen = sizeof(name);
  msg.msg_iov = iov;
  msg.msg_iovlen = 2;
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  CHECK_EQ(recvmsg(sv[1], &msg, 0), 12);
  CHECK_STR(a, "hell");
  CHECK_STR(b, "o, world");
  CHECK_EQ(msg.msg_namelen, 0);
  CHECK_EQ(msg.msg_flags, 0);
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  CHECK(c != NULL);
  int got = -1;
  if (c != NULL) {
    CHECK_EQ(c->cmsg_level, SOL_SOCKET);
    CHECK_EQ(c->cmsg_type, SCM_RIGHTS);
    CHECK_EQ(c->cmsg_len, CMSG_LEN(sizeof(int)));
    memcpy(&got, CMSG_DATA(c), sizeof(int));
    CHECK(CMSG_NXTHDR(&msg, c) == NULL);
  }
  /* The received descriptor is a new number for the same open file. */
  CHECK(got >= 0 && got != f);
  char back[14] = {0};
  CHECK_EQ(pread(got, back, 13, 0), 13);
  CHECK_STR(back, "file contents");
  CHECK_EQ(close(got), 0);

  /* No room for the descriptor: the data arrives, the descriptor is
   * dropped and MSG_CTRUNC says so. */
  CHECK_EQ(send_fd(sv[0], f, "again"), 5);
  char d[8] = {0};
  struct iovec one = {d, sizeof(d)};
  struct msghdr small = {0};
  small.msg_iov = &one;
  small.msg_iovlen = 1;
  CHECK_EQ(recvmsg(sv[1], &small, 0), 5);
  CHECK_EQ(small.msg_flags, MSG_CTRUNC);
  CHECK_EQ(small.msg_controllen, 0);

  /* Plain data through sendmsg without control data. */
  struct iovec parts[2] = {{"ab", 2}, {"cd", 2}};
  struct msghdr plain = {0};
  plain.msg_iov = parts;
  plain.msg_iovlen = 2;
  CHECK_EQ(sendmsg(sv[0], &plain, 0), 4);
  CHECK_EQ(recv(sv[1], d, sizeof(d), 0), 4);
  CHECK_EQ(memcmp(d, "abcd", 4), 0);

  /* A destination address is refused; so are foreign control messages
   * and bad iovec counts. */
  plain.msg_name = name;
  plain.msg_namelen = sizeof(name);
  CHECK_ERRNO(sendmsg(sv[0], &plain, 0), ENOTCAPABLE);
  plain.msg_name = NULL;
  plain.msg_namelen = 0;
  union {
    struct cmsghdr align;
    char buf[CMSG_SPACE(sizeof(int))];
  } bad;
  memset(&bad, 0, sizeof(bad));
  plain.msg_control = bad.buf;
  plain.msg_controllen = sizeof(bad.buf);
  bad.align.cmsg_len = CMSG_LEN(sizeof(int));
  bad.align.cmsg_level = SOL_SOCKET;
  bad.align.cmsg_type = 2;
  CHECK_ERRNO(sendmsg(sv[0], &plain, 0), EINVAL);
  plain.msg_control = NULL;
  plain.msg_controllen = 0;
  plain.msg_iovlen = -1;
  CHECK_ERRNO(sendmsg(sv[0], &plain, 0), EMSGSIZE);
  CHECK_ERRNO(recvmsg(sv[1], &plain, 0), EMSGSIZE);

  /* Sending a descriptor the program does not hold. */
  CHECK_ERRNO(send_fd(sv[0], 999, "x"), EBADF);

  close(sv[0]);
  close(sv[1]);
  close(f);
  return test_summary();
}
