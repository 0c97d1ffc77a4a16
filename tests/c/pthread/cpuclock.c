/* pthread_getcpuclockid: every thread has a CPU-time clock of its own,
 * distinct from CLOCK_THREAD_CPUTIME_ID, that clock_gettime and
 * clock_getres read from any thread of the process; it is monotonic,
 * counts only its thread's time, and is gone with its thread. No one
 * can sleep on it. */
#include <pthread.h>
#include <time.h>
#include "test.h"

static volatile int stop;

static void *spin(void *arg) {
  (void)arg;
  while (!stop) {
  }
  return NULL;
}

static long long ns(clockid_t c) {
  struct timespec ts;
  if (clock_gettime(c, &ts) != 0) return -1;
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
  clockid_t mine, again;
  CHECK_EQ(pthread_getcpuclockid(pthread_self(), &mine), 0);
  CHECK_EQ(pthread_getcpuclockid(pthread_self(), &again), 0);
  CHECK_EQ(mine, again);
  CHECK(mine != CLOCK_THREAD_CPUTIME_ID && mine != CLOCK_PROCESS_CPUTIME_ID);
  /* Positive as an int: CPython passes clock ids as ints. */
  CHECK((int)mine > 0);

  long long t1 = ns(mine), t2;
  CHECK(t1 >= 0);
  do {
    t2 = ns(mine);
  } while (t2 >= 0 && t2 - t1 < 5000000);
  CHECK(t2 - t1 >= 5000000);
  long long own = ns(CLOCK_THREAD_CPUTIME_ID);
  CHECK(own >= t2 && ns(mine) >= own);
  struct timespec res;
  CHECK_EQ(clock_getres(mine, &res), 0);
  CHECK(res.tv_sec == 0 && res.tv_nsec > 0);

  pthread_t t;
  CHECK_EQ(pthread_create(&t, NULL, spin, NULL), 0);
  clockid_t other;
  CHECK_EQ(pthread_getcpuclockid(t, &other), 0);
  CHECK(other != mine);
  /* The other thread's clock advances while it spins; this thread's own
   * clock does not count that time. */
  long long before = ns(mine), o;
  int tries = 0;
  do {
    struct timespec ms = {0, 1000000};
    nanosleep(&ms, NULL);
    o = ns(other);
  } while (o >= 0 && o < 20000000 && ++tries < 10000);
  CHECK(o >= 20000000);
  CHECK(ns(mine) - before < o);
  CHECK_EQ(clock_getres(other, &res), 0);
  stop = 1;
  CHECK_EQ(pthread_join(t, NULL), 0);
  /* The kernel lets go of the thread shortly after it is joined. */
  tries = 0;
  while (ns(other) >= 0 && ++tries < 1000) {
    struct timespec ms = {0, 1000000};
    nanosleep(&ms, NULL);
  }
  CHECK_ERRNO(clock_gettime(other, &res), EINVAL);
  CHECK_ERRNO(clock_getres(other, &res), EINVAL);

  struct timespec d = {0, 1000};
  CHECK_EQ(clock_nanosleep(mine, 0, &d, NULL), EINVAL);
  CHECK_ERRNO(clock_settime(mine, &d), EINVAL);
  CHECK_ERRNO(clock_gettime((clockid_t)0x40000000, &res), EINVAL);
  return test_summary();
}
