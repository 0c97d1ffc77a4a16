/* socketpair, send/recv with their flags, shutdown, getsockopt: data flows
 * both ways, datagrams keep their boundaries, a closed peer is EPIPE with no
 * SIGPIPE, and the errors are POSIX's. */
#include "test.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>

static volatile sig_atomic_t sigpipes;
static void on_sigpipe(int sig) { (void)sig; sigpipes++; }

static void stream_pair(void) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  CHECK_EQ(send(sv[0], "hello", 5, 0), 5);
  char buf[16] = {0};
  CHECK_EQ(recv(sv[1], buf, 3, MSG_PEEK), 3);
  CHECK_EQ(recv(sv[1], buf, sizeof(buf) - 1, 0), 5);
  CHECK_STR(buf, "hello");
  CHECK_EQ(write(sv[1], "back", 4), 4);
  CHECK_EQ(read(sv[0], buf, 4), 4);
  CHECK_EQ(memcmp(buf, "back", 4), 0);
  CHECK_EQ(send(sv[0], "abc", 3, 0), 3);
  CHECK_EQ(send(sv[0], "def", 3, 0), 3);
  memset(buf, 0, sizeof(buf));
  CHECK_EQ(recv(sv[1], buf, 6, MSG_WAITALL), 6);
  CHECK_STR(buf, "abcdef");

  int type = 0;
  socklen_t len = sizeof(type);
  CHECK_EQ(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len), 0);
  CHECK_EQ(type, SOCK_STREAM);
  CHECK_EQ(len, sizeof(int));
  int err = -1;
  len = sizeof(err);
  CHECK_EQ(getsockopt(sv[0], SOL_SOCKET, SO_ERROR, &err, &len), 0);
  CHECK_EQ(err, 0);
  CHECK_ERRNO(getsockopt(sv[0], SOL_SOCKET, 999, &err, &len), ENOPROTOOPT);

  /* Half close: the peer reads end-of-file, the closed side cannot send. */
  CHECK_EQ(shutdown(sv[0], SHUT_WR), 0);
  CHECK_EQ(recv(sv[1], buf, sizeof(buf), 0), 0);
  CHECK_ERRNO(send(sv[0], "x", 1, 0), EPIPE);
  CHECK_ERRNO(shutdown(sv[0], 0), EINVAL);
  CHECK_ERRNO(shutdown(sv[0], 4), EINVAL);

  /* A closed peer: EPIPE from send and write, and no SIGPIPE. */
  CHECK_EQ(close(sv[0]), 0);
  CHECK_ERRNO(send(sv[1], "x", 1, MSG_NOSIGNAL), EPIPE);
  CHECK_ERRNO(write(sv[1], "x", 1), EPIPE);
  CHECK_EQ(sigpipes, 0);
  CHECK_EQ(close(sv[1]), 0);
}

static void datagram_pair(void) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
  CHECK_EQ(send(sv[0], "one", 3, 0), 3);
  CHECK_EQ(send(sv[0], "three", 5, 0), 5);
  char buf[16];
  CHECK_EQ(recv(sv[1], buf, sizeof(buf), 0), 3);
  CHECK_EQ(recv(sv[1], buf, 2, 0), 2); /* the rest of "three" is dropped */
  int type = 0;
  socklen_t len = sizeof(type);
  CHECK_EQ(getsockopt(sv[1], SOL_SOCKET, SO_TYPE, &type, &len), 0);
  CHECK_EQ(type, SOCK_DGRAM);
  /* A short option buffer gets the first bytes. */
  char small = 0;
  len = 1;
  CHECK_EQ(getsockopt(sv[1], SOL_SOCKET, SO_TYPE, &small, &len), 0);
  CHECK_EQ(len, 1);
  CHECK_EQ((unsigned char)small, SOCK_DGRAM);
  close(sv[0]);
  close(sv[1]);
}

static void nonblocking_pair(void) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv), 0);
  CHECK(fcntl(sv[0], F_GETFL) & O_NONBLOCK);
  char c;
  CHECK_ERRNO(recv(sv[0], &c, 1, 0), EAGAIN);
  close(sv[0]);
  close(sv[1]);
}

static void errors(void) {
  int sv[2];
  CHECK_ERRNO(socketpair(AF_INET, SOCK_STREAM, 0, sv), EAFNOSUPPORT);
  CHECK_ERRNO(socketpair(AF_UNIX, 0x81, 0, sv), EPROTOTYPE);
  CHECK_ERRNO(socketpair(AF_UNIX, SOCK_STREAM, 6, sv), EPROTONOSUPPORT);

  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  char c = 0;
  CHECK_ERRNO(recv(sv[0], &c, 1, MSG_OOB), ENOTSUP);
  CHECK_ERRNO(send(sv[0], &c, 1, MSG_OOB), ENOTSUP);
  CHECK_ERRNO(send(sv[0], &c, 1, MSG_EOR), ENOTSUP);
  close(sv[0]);
  close(sv[1]);

  CHECK_ERRNO(recv(-1, &c, 1, 0), EBADF);
  CHECK_ERRNO(send(1000, &c, 1, 0), EBADF);
  CHECK_ERRNO(shutdown(1000, SHUT_RD), EBADF);
  int f = openat(TEST_DIR_FD, "plain", O_RDWR | O_CREAT, 0600);
  CHECK(f >= 0);
  int v;
  socklen_t len = sizeof(v);
  CHECK_ERRNO(getsockopt(f, SOL_SOCKET, SO_TYPE, &v, &len), ENOTSOCK);
  CHECK_ERRNO(getsockopt(1000, SOL_SOCKET, SO_TYPE, &v, &len), EBADF);
  CHECK_ERRNO(recv(f, &c, 1, 0), ENOTSOCK);
  close(f);
}

int main(void) {
  signal(SIGPIPE, on_sigpipe);
  stream_pair();
  datagram_pair();
  nonblocking_pair();
  errors();
  return test_summary();
}
