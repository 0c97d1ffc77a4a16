/* The socket calls cloudlibc removed: socket() cannot make a socket,
 * bind() and connect() cannot change a given socket's addresses, and the
 * calls that only read or tune a given socket work. */
#include "test.h"
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(void) {
  CHECK_ERRNO(socket(AF_INET, SOCK_STREAM, 0), EACCES);
  CHECK_ERRNO(socket(AF_UNIX, SOCK_DGRAM, 0), EACCES);
  CHECK_ERRNO(socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP), EACCES);

  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  struct sockaddr_in sin;
  memset(&sin, 0, sizeof(sin));
  sin.sin_family = AF_INET;
  sin.sin_port = htons(80);
  sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CHECK_ERRNO(bind(sv[0], (struct sockaddr *)&sin, sizeof(sin)), ENOTCAPABLE);
  CHECK_ERRNO(connect(sv[0], (struct sockaddr *)&sin, sizeof(sin)), ENOTCAPABLE);
  CHECK_ERRNO(bind(1000, (struct sockaddr *)&sin, sizeof(sin)), EBADF);
  int f = openat(TEST_DIR_FD, "file", O_RDWR | O_CREAT, 0600);
  CHECK(f >= 0);
  CHECK_ERRNO(connect(f, (struct sockaddr *)&sin, sizeof(sin)), ENOTSOCK);
  CHECK_ERRNO(listen(f, 5), ENOTSOCK);
  CHECK_ERRNO(sockatmark(f), ENOTSOCK);
  CHECK_ERRNO(setsockopt(f, SOL_SOCKET, SO_KEEPALIVE, &(int){1}, sizeof(int)), ENOTSOCK);

  /* A connected stream socket is not listening. */
  CHECK_ERRNO(listen(sv[0], SOMAXCONN), EINVAL);
  CHECK_ERRNO(accept(sv[0], NULL, NULL), EINVAL);
  CHECK_ERRNO(accept4(sv[0], NULL, NULL, 0x1), EINVAL);
  CHECK_ERRNO(accept(1000, NULL, NULL), EBADF);
  CHECK_EQ(sockatmark(sv[0]), 0);

  /* UNIX-domain socket pairs have addresses without a path. */
  struct sockaddr_un sun;
  memset(&sun, 0x55, sizeof(sun));
  socklen_t len = sizeof(sun);
  CHECK_EQ(getsockname(sv[0], (struct sockaddr *)&sun, &len), 0);
  CHECK_EQ(sun.sun_family, AF_UNIX);
  CHECK_EQ(len, 1);
  CHECK_EQ(sun.sun_path[0], 0);
  len = sizeof(sun);
  CHECK_EQ(getpeername(sv[1], (struct sockaddr *)&sun, &len), 0);
  CHECK_EQ(sun.sun_family, AF_UNIX);
  struct sockaddr_storage ss;
  len = sizeof(ss);
  CHECK_ERRNO(getsockname(f, (struct sockaddr *)&ss, &len), ENOTSOCK);
  CHECK_ERRNO(getpeername(1000, (struct sockaddr *)&ss, &len), EBADF);

  /* Options that tune one socket pass through; others do not exist. */
  int v = 1;
  CHECK_EQ(setsockopt(sv[0], SOL_SOCKET, SO_KEEPALIVE, &v, sizeof(v)), 0);
  v = 0;
  len = sizeof(v);
  CHECK_EQ(getsockopt(sv[0], SOL_SOCKET, SO_KEEPALIVE, &v, &len), 0);
  CHECK_EQ(v, 1);
  v = 65536;
  CHECK_EQ(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, sizeof(v)), 0);
  len = sizeof(v);
  CHECK_EQ(getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, &len), 0);
  CHECK(v >= 65536);
  CHECK_EQ(getsockopt(sv[0], SOL_SOCKET, SO_ACCEPTCONN, &v, &len), 0);
  CHECK_EQ(v, 0);
  CHECK_ERRNO(setsockopt(sv[0], IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v)), ENOTSUP);
  CHECK_ERRNO(setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &v, sizeof(v)), ENOPROTOOPT);
  CHECK_ERRNO(setsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, sizeof(v)), ENOPROTOOPT);
  CHECK_ERRNO(setsockopt(sv[0], SOL_SOCKET, SO_ERROR, &v, sizeof(v)), ENOPROTOOPT);
  CHECK_ERRNO(setsockopt(sv[0], SOL_SOCKET, SO_KEEPALIVE, &v, 1), EINVAL);

  /* recvfrom and sendto: no addresses either way. */
  CHECK_EQ(sendto(sv[0], "hi", 2, 0, NULL, 0), 2);
  char buf[4];
  len = sizeof(ss);
  CHECK_EQ(recvfrom(sv[1], buf, sizeof(buf), 0, (struct sockaddr *)&ss, &len), 2);
  CHECK_EQ(len, 0);
  CHECK_ERRNO(sendto(sv[0], "hi", 2, 0, (struct sockaddr *)&sin, sizeof(sin)), ENOTCAPABLE);

  /* Datagram sockets do not listen. */
  int dv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, dv), 0);
  CHECK_ERRNO(listen(dv[0], 1), ENOTSUP);

  close(dv[0]);
  close(dv[1]);
  close(sv[0]);
  close(sv[1]);
  close(f);
  return test_summary();
}
