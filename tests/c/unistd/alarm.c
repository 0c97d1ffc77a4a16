/* alarm records a deadline; the SIGALRM is raised synchronously by pause
 * (after sleeping until the deadline) or by the next alarm call once the
 * deadline has passed. pause with nothing to wait for fails with ENOSYS. */
#include "test.h"
#include <cloudabi_syscalls.h>
#include <signal.h>

static volatile sig_atomic_t hits;

static void on_alarm(int sig) {
  if (sig == SIGALRM) hits++;
}

static cloudabi_timestamp_t now(void) {
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_MONOTONIC, 0, &t);
  return t;
}

static void nap(cloudabi_timestamp_t ns) {
  cloudabi_subscription_t sub = {0};
  sub.type = CLOUDABI_EVENTTYPE_CLOCK;
  sub.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
  sub.clock.timeout = ns;
  cloudabi_event_t ev;
  size_t n;
  cloudabi_sys_poll(&sub, &ev, 1, &n);
}

int main(void) {
  CHECK_ERRNO(pause(), ENOSYS);
  CHECK_EQ(alarm(0), 0);
  CHECK_EQ(alarm(100), 0);
  CHECK_EQ(alarm(5), 100);
  CHECK_EQ(alarm(0), 5);
  CHECK_ERRNO(pause(), ENOSYS);

  CHECK(signal(SIGALRM, on_alarm) != SIG_ERR);
  cloudabi_timestamp_t start = now();
  CHECK_EQ(alarm(1), 0);
  CHECK_ERRNO(pause(), EINTR);
  CHECK_EQ(hits, 1);
  CHECK(now() - start >= 1000000000ull);
  CHECK_ERRNO(pause(), ENOSYS);

  CHECK_EQ(alarm(1), 0);
  nap(1100000000ull);
  CHECK_EQ(hits, 1);
  CHECK_EQ(alarm(0), 0);
  CHECK_EQ(hits, 2);

  signal(SIGALRM, SIG_IGN);
  CHECK_EQ(alarm(1), 0);
  CHECK_ERRNO(pause(), ENOSYS);
  CHECK_EQ(hits, 2);
  return test_summary();
}
