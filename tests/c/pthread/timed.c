/* Timed waits end with ETIMEDOUT no earlier than asked and not much later:
 * pthread_cond_timedwait on the realtime and the monotonic clock, the
 * relative wait, pthread_mutex_timedlock, pthread_rwlock_timed*lock and
 * pthread_timedjoin_np. A deadline in the past still takes a free lock. */
#include <pthread.h>
#include "now.h"
#include "test.h"

#define MS 1000000LL
/* Generous: the machine may be busy. */
#define LATE (400 * MS)

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

static void *hold(void *arg) {
  pthread_mutex_lock(&m);
  pthread_rwlock_wrlock(&rw);
  __atomic_store_n((int *)arg, 1, __ATOMIC_RELEASE);
  while (__atomic_load_n((int *)arg, __ATOMIC_ACQUIRE) != 2) sched_yield();
  pthread_rwlock_unlock(&rw);
  pthread_mutex_unlock(&m);
  return NULL;
}

/* Checks that `call` took between `ns` and `ns` + LATE. */
#define CHECK_TAKES(ns, call, expect)                    \
  do {                                                   \
    long long t0_ = now_ns(NOW_MONOTONIC);               \
    CHECK_EQ((call), (expect));                          \
    long long dt_ = now_ns(NOW_MONOTONIC) - t0_;          \
    CHECK(dt_ >= (ns) - 2 * MS);                         \
    CHECK(dt_ < (ns) + LATE);                            \
  } while (0)

int main(void) {
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  struct timespec ts;

  pthread_mutex_lock(&m);
  ts = now_plus(NOW_REALTIME, 50 * MS);
  CHECK_TAKES(50 * MS, pthread_cond_timedwait(&c, &m, &ts), ETIMEDOUT);
  /* The mutex is held again after the timeout. */
  CHECK_EQ(pthread_mutex_lock(&m), EDEADLK);

  pthread_condattr_t ca;
  clockid_t clk;
  CHECK_EQ(pthread_condattr_init(&ca), 0);
  CHECK_EQ(pthread_condattr_getclock(&ca, &clk), 0);
  CHECK_EQ(clk, NOW_REALTIME);
  CHECK_EQ(pthread_condattr_setclock(&ca, 2), EINVAL);
  CHECK_EQ(pthread_condattr_setclock(&ca, NOW_MONOTONIC), 0);
  CHECK_EQ(pthread_cond_init(&c, &ca), 0);
  ts = now_plus(NOW_MONOTONIC, 30 * MS);
  CHECK_TAKES(30 * MS, pthread_cond_timedwait(&c, &m, &ts), ETIMEDOUT);
  struct timespec rel = {0, 40 * MS};
  CHECK_TAKES(40 * MS, pthread_cond_timedwait_relative_np(&c, &m, &rel), ETIMEDOUT);
  struct timespec bad = {0, 1000000000};
  CHECK_EQ(pthread_cond_timedwait(&c, &m, &bad), EINVAL);
  pthread_mutex_unlock(&m);

  /* A free mutex is taken whatever the deadline. */
  struct timespec past = {0, 0};
  CHECK_EQ(pthread_mutex_timedlock(&m, &past), 0);
  CHECK_EQ(pthread_mutex_unlock(&m), 0);

  int state = 0;
  pthread_t t;
  CHECK_EQ(pthread_create(&t, NULL, hold, &state), 0);
  while (__atomic_load_n(&state, __ATOMIC_ACQUIRE) != 1) sched_yield();
  ts = now_plus(NOW_REALTIME, 50 * MS);
  CHECK_TAKES(50 * MS, pthread_mutex_timedlock(&m, &ts), ETIMEDOUT);
  CHECK_TAKES(0, pthread_mutex_timedlock(&m, &past), ETIMEDOUT);
  ts = now_plus(NOW_REALTIME, 30 * MS);
  CHECK_TAKES(30 * MS, pthread_rwlock_timedrdlock(&rw, &ts), ETIMEDOUT);
  ts = now_plus(NOW_REALTIME, 30 * MS);
  CHECK_TAKES(30 * MS, pthread_rwlock_timedwrlock(&rw, &ts), ETIMEDOUT);
  ts = now_plus(NOW_REALTIME, 30 * MS);
  CHECK_TAKES(30 * MS, pthread_timedjoin_np(t, NULL, &ts), ETIMEDOUT);
  __atomic_store_n(&state, 2, __ATOMIC_RELEASE);
  ts = now_plus(NOW_REALTIME, 5000 * MS);
  CHECK_EQ(pthread_timedjoin_np(t, NULL, &ts), 0);
  CHECK_EQ(pthread_mutex_timedlock(&m, &ts), 0);
  CHECK_EQ(pthread_mutex_unlock(&m), 0);
  return test_summary();
}
