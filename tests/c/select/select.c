/* select and the compat pselect: readiness, timeouts, the sets rewritten
 * to the ready descriptors, the signal mask while waiting, and errors;
 * FD_* as functions and macros on cloudlibc's list-shaped fd_set. */
#include "test.h"
#include <signal.h>
#include <sys/select.h>
#include <sys/socket.h>

static volatile sig_atomic_t usr1;
static void on_usr1(int sig) { (void)sig; usr1++; }

static void sets(void) {
  fd_set s, t;
  FD_ZERO(&s);
  CHECK_EQ(FD_ISSET(3, &s), 0);
  FD_SET(3, &s);
  FD_SET(5000, &s); /* numbers beyond FD_SETSIZE fit too */
  FD_SET(3, &s);
  CHECK_EQ(FD_ISSET(3, &s), 1);
  CHECK_EQ(FD_ISSET(5000, &s), 1);
  FD_COPY(&s, &t);
  FD_CLR(3, &s);
  CHECK_EQ(FD_ISSET(3, &s), 0);
  CHECK_EQ(FD_ISSET(5000, &s), 1);
  CHECK_EQ(FD_ISSET(3, &t), 1);
  (FD_ZERO)(&t);
  CHECK_EQ((FD_ISSET)(5000, &t), 0);
  for (int i = 0; i < FD_SETSIZE + 10; i++) FD_SET(i, &t);
  CHECK_EQ(FD_ISSET(FD_SETSIZE - 1, &t), 1);
  CHECK_EQ(FD_ISSET(FD_SETSIZE, &t), 0);
}

int main(void) {
  sets();
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  int nfds = (sv[0] > sv[1] ? sv[0] : sv[1]) + 1;

  fd_set r, w, e;
  FD_ZERO(&r);
  FD_SET(sv[1], &r);
  struct timeval tv = {0, 20000};
  CHECK_EQ(select(nfds, &r, NULL, NULL, &tv), 0);
  CHECK_EQ(FD_ISSET(sv[1], &r), 0);

  CHECK_EQ(write(sv[0], "x", 1), 1);
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&e);
  FD_SET(sv[0], &r);
  FD_SET(sv[1], &r);
  FD_SET(sv[0], &w);
  FD_SET(sv[0], &e);
  CHECK_EQ(select(nfds, &r, &w, &e, NULL), 2);
  CHECK_EQ(FD_ISSET(sv[1], &r), 1);
  CHECK_EQ(FD_ISSET(sv[0], &r), 0);
  CHECK_EQ(FD_ISSET(sv[0], &w), 1);
  CHECK_EQ(FD_ISSET(sv[0], &e), 0);

  /* Descriptors at or above nfds are not looked at. */
  FD_ZERO(&r);
  FD_SET(sv[1], &r);
  tv.tv_sec = 0;
  tv.tv_usec = 0;
  CHECK_EQ(select(sv[1], &r, NULL, NULL, &tv), 0);

  FD_ZERO(&r);
  FD_SET(999, &r);
  CHECK_ERRNO(select(1000, &r, NULL, NULL, NULL), EBADF);
  CHECK_ERRNO(select(-1, NULL, NULL, NULL, &tv), EINVAL);
  tv.tv_usec = 1000000;
  CHECK_ERRNO(select(0, NULL, NULL, NULL, &tv), EINVAL);

  /* pselect: a timespec, and a mask in force while it waits. A signal
   * blocked outside and unblocked by the mask runs its handler. */
  signal(SIGUSR1, on_usr1);
  sigset_t block, none;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigemptyset(&none);
  sigprocmask(SIG_BLOCK, &block, NULL);
  raise(SIGUSR1);
  CHECK_EQ(usr1, 0);
  FD_ZERO(&r);
  FD_SET(sv[1], &r);
  struct timespec ts = {0, 1000000};
  CHECK_EQ(pselect(nfds, &r, NULL, NULL, &ts, &none), 1);
  CHECK_EQ(usr1, 1);
  sigset_t now;
  sigprocmask(SIG_BLOCK, NULL, &now);
  CHECK_EQ(sigismember(&now, SIGUSR1), 1);
  ts.tv_nsec = -1;
  CHECK_ERRNO(pselect(nfds, &r, NULL, NULL, &ts, NULL), EINVAL);

  close(sv[0]);
  close(sv[1]);
  return test_summary();
}
