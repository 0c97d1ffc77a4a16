/* Per-process timers: SIGEV_NONE state (relative, absolute, repeating,
 * disarming), SIGEV_THREAD repeating until deleted, SIGEV_SIGNAL running
 * the handler in the timer thread (also the SIGALRM default of a NULL
 * sigevent), overruns while a handler is slow, and the errors. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <time.h>
#include "test.h"

#define MS 1000000L

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * MS};
  nanosleep(&ts, NULL);
}

static long long ns(struct timespec ts) { return ts.tv_sec * 1000000000LL + ts.tv_nsec; }

static struct itimerspec spec(long value_ms, long interval_ms) {
  struct itimerspec s = {{interval_ms / 1000, (interval_ms % 1000) * MS}, {value_ms / 1000, (value_ms % 1000) * MS}};
  return s;
}

static void state_only(void) {
  struct sigevent ev = {0};
  ev.sigev_notify = SIGEV_NONE;
  timer_t t;
  CHECK_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
  struct itimerspec cur;
  CHECK_EQ(timer_gettime(t, &cur), 0);
  CHECK_EQ(ns(cur.it_value), 0);

  struct itimerspec s = spec(10000, 0), old;
  CHECK_EQ(timer_settime(t, 0, &s, &old), 0);
  CHECK_EQ(ns(old.it_value), 0);
  CHECK_EQ(timer_gettime(t, &cur), 0);
  CHECK(ns(cur.it_value) > 9000 * MS && ns(cur.it_value) <= 10000 * MS);
  CHECK_EQ(ns(cur.it_interval), 0);

  /* Repeating: 1 ms, then every 2 s; 20 ms later the next is ~2 s away. */
  s = spec(1, 2000);
  CHECK_EQ(timer_settime(t, 0, &s, &old), 0);
  CHECK(ns(old.it_value) > 9000 * MS);
  sleep_ms(20);
  CHECK_EQ(timer_gettime(t, &cur), 0);
  CHECK(ns(cur.it_value) > 1900 * MS && ns(cur.it_value) <= 2000 * MS);
  CHECK_EQ(ns(cur.it_interval), 2000 * MS);
  CHECK_EQ(timer_getoverrun(t), 0);

  /* Absolute: 5 s from now; a passed absolute one-shot has expired. */
  struct timespec now;
  CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &now), 0);
  s.it_interval.tv_sec = 0;
  s.it_interval.tv_nsec = 0;
  s.it_value = now;
  s.it_value.tv_sec += 5;
  CHECK_EQ(timer_settime(t, TIMER_ABSTIME, &s, NULL), 0);
  CHECK_EQ(timer_gettime(t, &cur), 0);
  CHECK(ns(cur.it_value) > 4900 * MS && ns(cur.it_value) <= 5000 * MS);
  s.it_value = now;
  CHECK_EQ(timer_settime(t, TIMER_ABSTIME, &s, NULL), 0);
  CHECK_EQ(timer_gettime(t, &cur), 0);
  CHECK_EQ(ns(cur.it_value), 0);

  /* A zero it_value disarms. */
  s = spec(10000, 0);
  CHECK_EQ(timer_settime(t, 0, &s, NULL), 0);
  s = spec(0, 0);
  CHECK_EQ(timer_settime(t, 0, &s, &old), 0);
  CHECK(ns(old.it_value) > 9000 * MS);
  CHECK_EQ(timer_gettime(t, &cur), 0);
  CHECK_EQ(ns(cur.it_value), 0);
  CHECK_EQ(timer_delete(t), 0);
}

static atomic_int thread_calls;
static atomic_int thread_value;
static pthread_t main_thread;
static atomic_int on_main_thread;

static void on_expiry(union sigval v) {
  atomic_store(&thread_value, v.sival_int);
  if (pthread_equal(pthread_self(), main_thread)) atomic_store(&on_main_thread, 1);
  atomic_fetch_add(&thread_calls, 1);
}

static void thread_notify(void) {
  struct sigevent ev = {0};
  ev.sigev_notify = SIGEV_THREAD;
  ev.sigev_notify_function = on_expiry;
  ev.sigev_value.sival_int = 42;
  timer_t t;
  CHECK_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
  struct itimerspec s = spec(10, 10);
  CHECK_EQ(timer_settime(t, 0, &s, NULL), 0);
  sleep_ms(105);
  CHECK_EQ(timer_delete(t), 0);
  sleep_ms(20);
  int calls = atomic_load(&thread_calls);
  /* Late wake-ups fold expiries into one call, never add calls. */
  CHECK(calls >= 2 && calls <= 11);
  CHECK_EQ(atomic_load(&thread_value), 42);
  CHECK_EQ(atomic_load(&on_main_thread), 0);
  sleep_ms(50);
  CHECK_EQ(atomic_load(&thread_calls), calls);

  /* A realtime timer at an absolute time. */
  atomic_store(&thread_calls, 0);
  CHECK_EQ(timer_create(CLOCK_REALTIME, &ev, &t), 0);
  struct timespec now;
  CHECK_EQ(clock_gettime(CLOCK_REALTIME, &now), 0);
  s = spec(0, 0);
  s.it_value = now;
  s.it_value.tv_nsec += 20 * MS;
  if (s.it_value.tv_nsec >= 1000 * MS) {
    s.it_value.tv_nsec -= 1000 * MS;
    s.it_value.tv_sec++;
  }
  CHECK_EQ(timer_settime(t, TIMER_ABSTIME, &s, NULL), 0);
  for (int i = 0; i < 100 && atomic_load(&thread_calls) == 0; i++) sleep_ms(10);
  CHECK_EQ(atomic_load(&thread_calls), 1);
  CHECK_EQ(timer_delete(t), 0);
}

static volatile sig_atomic_t usr1_calls, alrm_calls, handler_on_main;
static timer_t slow_timer;
static volatile int slow_overrun = -1;

static void on_usr1(int sig) {
  (void)sig;
  if (pthread_equal(pthread_self(), main_thread)) handler_on_main = 1;
  usr1_calls++;
}

static void on_alrm(int sig) {
  (void)sig;
  alrm_calls++;
}

static void slow_handler(int sig) {
  (void)sig;
  if (usr1_calls++ == 0) {
    sleep_ms(60);
  } else if (slow_overrun < 0) {
    slow_overrun = timer_getoverrun(slow_timer);
  }
}

static void signal_notify(void) {
  signal(SIGUSR1, on_usr1);
  struct sigevent ev = {0};
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = SIGUSR1;
  timer_t t;
  CHECK_EQ(timer_create(CLOCK_MONOTONIC, &ev, &t), 0);
  struct itimerspec s = spec(20, 0);
  CHECK_EQ(timer_settime(t, 0, &s, NULL), 0);
  for (int i = 0; i < 100 && usr1_calls == 0; i++) sleep_ms(10);
  sleep_ms(30);
  CHECK_EQ(usr1_calls, 1);
  CHECK_EQ(handler_on_main, 0);
  CHECK_EQ(timer_delete(t), 0);

  /* No sigevent: SIGALRM. */
  signal(SIGALRM, on_alrm);
  CHECK_EQ(timer_create(CLOCK_MONOTONIC, NULL, &t), 0);
  CHECK_EQ(timer_settime(t, 0, &s, NULL), 0);
  for (int i = 0; i < 100 && alrm_calls == 0; i++) sleep_ms(10);
  CHECK_EQ(alrm_calls, 1);
  CHECK_EQ(timer_delete(t), 0);

  /* Every 5 ms, but the first handler takes 60 ms: the next notification
   * carries the expiries that passed meanwhile. */
  usr1_calls = 0;
  signal(SIGUSR1, slow_handler);
  CHECK_EQ(timer_create(CLOCK_MONOTONIC, &ev, &slow_timer), 0);
  s = spec(5, 5);
  CHECK_EQ(timer_settime(slow_timer, 0, &s, NULL), 0);
  for (int i = 0; i < 100 && slow_overrun < 0; i++) sleep_ms(10);
  CHECK_EQ(timer_delete(slow_timer), 0);
  CHECK(slow_overrun >= 5);
}

static void errors(void) {
  timer_t t;
  CHECK_ERRNO(timer_create(99, NULL, &t), EINVAL);
  CHECK_ERRNO(timer_create(CLOCK_PROCESS_CPUTIME_ID, NULL, &t), ENOTSUP);
  struct sigevent ev = {0};
  ev.sigev_notify = 77;
  CHECK_ERRNO(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL);
  ev.sigev_notify = SIGEV_SIGNAL;
  ev.sigev_signo = 0;
  CHECK_ERRNO(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL);
  ev.sigev_notify = SIGEV_THREAD;
  CHECK_ERRNO(timer_create(CLOCK_MONOTONIC, &ev, &t), EINVAL);

  ev.sigev_notify = SIGEV_NONE;
  CHECK_EQ(timer_create(CLOCK_REALTIME, &ev, &t), 0);
  struct itimerspec s = spec(10, 0);
  s.it_value.tv_nsec = 1000 * MS;
  CHECK_ERRNO(timer_settime(t, 0, &s, NULL), EINVAL);
  CHECK_ERRNO(timer_settime(t, 0, NULL, NULL), EINVAL);
  CHECK_EQ(timer_delete(t), 0);
  struct itimerspec cur;
  CHECK_ERRNO(timer_gettime(t, &cur), EINVAL);
  s = spec(10, 0);
  CHECK_ERRNO(timer_settime(t, 0, &s, NULL), EINVAL);
  CHECK_ERRNO(timer_getoverrun(t), EINVAL);
  CHECK_ERRNO(timer_delete(t), EINVAL);
  CHECK_ERRNO(timer_delete((timer_t)0), EINVAL);
}

int main(void) {
  main_thread = pthread_self();
  state_only();
  thread_notify();
  signal_notify();
  errors();
  return test_summary();
}
