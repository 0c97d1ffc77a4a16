/* alarm records a deadline; the SIGALRM is raised synchronously by pause
 * (after sleeping until the deadline) or by the next alarm call once the
 * deadline has passed. pause with nothing to wait for fails with ENOSYS. */
#include "test.h"
#include <signal.h>
#include <time.h>

static volatile sig_atomic_t hits;

static void on_alarm(int sig) {
  if (sig == SIGALRM) hits++;
}

static long long now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
  CHECK_ERRNO(pause(), ENOSYS);
  CHECK_EQ(alarm(0), 0);
  CHECK_EQ(alarm(100), 0);
  CHECK_EQ(alarm(5), 100);
  CHECK_EQ(alarm(0), 5);
  CHECK_ERRNO(pause(), ENOSYS);

  CHECK(signal(SIGALRM, on_alarm) != SIG_ERR);
  long long start = now();
  CHECK_EQ(alarm(1), 0);
  CHECK_ERRNO(pause(), EINTR);
  CHECK_EQ(hits, 1);
  CHECK(now() - start >= 1000000000LL);
  CHECK_ERRNO(pause(), ENOSYS);

  CHECK_EQ(alarm(1), 0);
  struct timespec nap = {1, 100000000};
  CHECK_EQ(nanosleep(&nap, NULL), 0);
  CHECK_EQ(hits, 1);
  CHECK_EQ(alarm(0), 0);
  CHECK_EQ(hits, 2);

  signal(SIGALRM, SIG_IGN);
  CHECK_EQ(alarm(1), 0);
  CHECK_ERRNO(pause(), ENOSYS);
  CHECK_EQ(hits, 2);
  return test_summary();
}
