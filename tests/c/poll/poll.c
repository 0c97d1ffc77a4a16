/* poll: readiness of socket pairs and files, hang-ups, invalid and
 * negative descriptors, and timeouts (measured on the monotonic clock). */
#include "test.h"
#include <cloudabi_syscalls.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

static long long now_ms(void) {
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_MONOTONIC, 0, &t);
  return (long long)(t / 1000000);
}

int main(void) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);

  /* Nothing to read yet: the timeout passes. */
  struct pollfd p[3] = {{sv[1], POLLIN, -1}, {-5, POLLIN, -1}, {sv[0], 0, -1}};
  long long t0 = now_ms();
  CHECK_EQ(poll(p, 3, 50), 0);
  CHECK(now_ms() - t0 >= 45);
  CHECK_EQ(p[0].revents, 0);
  CHECK_EQ(p[1].revents, 0);
  CHECK_EQ(p[2].revents, 0);
  CHECK_EQ(poll(p, 1, 0), 0);

  /* Writable at once; readable once data is there. */
  struct pollfd w = {sv[0], POLLOUT, 0};
  CHECK_EQ(poll(&w, 1, -1), 1);
  CHECK_EQ(w.revents, POLLOUT);
  CHECK_EQ(write(sv[0], "x", 1), 1);
  struct pollfd both[2] = {{sv[1], POLLIN | POLLOUT, 0}, {sv[0], POLLIN, 0}};
  CHECK_EQ(poll(both, 2, 1000), 1);
  CHECK_EQ(both[0].revents, POLLIN | POLLOUT);
  CHECK_EQ(both[1].revents, 0);

  /* The peer hangs up: readable (end of file) and POLLHUP. */
  char c;
  CHECK_EQ(read(sv[1], &c, 1), 1);
  CHECK_EQ(close(sv[0]), 0);
  struct pollfd h = {sv[1], POLLIN, 0};
  CHECK_EQ(poll(&h, 1, 1000), 1);
  CHECK_EQ(h.revents, POLLIN | POLLHUP);
  CHECK_EQ(read(sv[1], &c, 1), 0);

  /* Descriptors that do not exist are POLLNVAL and end the wait at once,
   * whether or not events were asked for. */
  struct pollfd bad[3] = {{1000, POLLIN, 0}, {1001, 0, 0}, {sv[1], 0, 0}};
  t0 = now_ms();
  CHECK_EQ(poll(bad, 3, 5000), 2);
  CHECK(now_ms() - t0 < 2000);
  CHECK_EQ(bad[0].revents, POLLNVAL);
  CHECK_EQ(bad[1].revents, POLLNVAL);
  CHECK_EQ(bad[2].revents, 0);

  /* A regular file is always ready. */
  int f = openat(TEST_DIR_FD, "p", O_RDWR | O_CREAT, 0600);
  CHECK(f >= 0);
  struct pollfd fp = {f, POLLIN | POLLOUT, 0};
  CHECK_EQ(poll(&fp, 1, -1), 1);
  CHECK_EQ(fp.revents, POLLIN | POLLOUT);
  close(f);

  /* No descriptors at all: a plain sleep. */
  t0 = now_ms();
  CHECK_EQ(poll(NULL, 0, 30), 0);
  CHECK(now_ms() - t0 >= 25);

  /* Many descriptors (more than fit on the stack). */
  struct pollfd many[40];
  for (int i = 0; i < 40; i++) {
    many[i].fd = i % 2 ? sv[1] : -1;
    many[i].events = POLLIN;
  }
  CHECK_EQ(poll(many, 40, 0), 20);
  CHECK_EQ(many[39].revents, POLLIN | POLLHUP);
  CHECK_EQ(many[38].revents, 0);
  close(sv[1]);
  return test_summary();
}
