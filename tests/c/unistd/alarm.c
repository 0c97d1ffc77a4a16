/* alarm and setitimer arm the process's own timers; SIGALRM and SIGVTALRM
 * then arrive asynchronously: a blocked call fails with EINTR once the
 * handler ran, a busy loop is interrupted, a thread that blocks the
 * signal leaves it to another or to when it unblocks it. pause with no
 * timer armed fails with ENOSYS. */
#include "test.h"
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>

static volatile sig_atomic_t hits, vhits;
static volatile pthread_t handled_on;

static void on_alarm(int sig) {
  if (sig == SIGALRM) hits++;
  handled_on = pthread_self();
}

static void on_vtalarm(int sig) {
  if (sig == SIGVTALRM) vhits++;
}

static long long now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void arm_ms(int which, long ms, long interval_ms) {
  struct itimerval it = {{interval_ms / 1000, interval_ms % 1000 * 1000}, {ms / 1000, ms % 1000 * 1000}};
  CHECK_EQ(setitimer(which, &it, NULL), 0);
}

static void *sleeper(void *arg) {
  (void)arg;
  sigset_t none;
  sigemptyset(&none);
  CHECK_EQ(pthread_sigmask(SIG_SETMASK, &none, NULL), 0);
  struct timespec nap = {5, 0};
  CHECK_ERRNO(nanosleep(&nap, NULL), EINTR);
  return NULL;
}

int main(void) {
  CHECK_ERRNO(pause(), ENOSYS);
  CHECK_EQ(alarm(0), 0);
  CHECK_EQ(alarm(100), 0);
  CHECK_EQ(alarm(5), 100);
  CHECK_EQ(alarm(0), 5);
  CHECK_ERRNO(pause(), ENOSYS);

  struct sigaction sa = {0};
  sa.sa_handler = on_alarm;
  CHECK_EQ(sigaction(SIGALRM, &sa, NULL), 0);

  /* pause waits for the handler. */
  long long start = now();
  CHECK_EQ(alarm(1), 0);
  CHECK_ERRNO(pause(), EINTR);
  CHECK_EQ(hits, 1);
  CHECK(now() - start >= 1000000000LL);
  CHECK_ERRNO(pause(), ENOSYS);

  /* A read blocked on an empty pipe is interrupted. */
  int p[2];
  CHECK_EQ(pipe(p), 0);
  arm_ms(ITIMER_REAL, 100, 0);
  char c;
  CHECK_ERRNO(read(p[0], &c, 1), EINTR);
  CHECK_EQ(hits, 2);

  /* A sleep is interrupted and reports the time left. */
  arm_ms(ITIMER_REAL, 200, 0);
  struct timespec nap = {5, 0}, left = {0, 0};
  CHECK_ERRNO(nanosleep(&nap, &left), EINTR);
  CHECK_EQ(hits, 3);
  CHECK(left.tv_sec >= 4 && left.tv_sec < 5);
  arm_ms(ITIMER_REAL, 200, 0);
  unsigned rest = sleep(10);
  CHECK(rest >= 9 && rest <= 10);
  CHECK_EQ(hits, 4);

  /* A busy loop is interrupted. */
  arm_ms(ITIMER_REAL, 50, 0);
  while (hits == 4) {
  }
  CHECK_EQ(hits, 5);

  /* A periodic timer fires again and again until disarmed. */
  arm_ms(ITIMER_REAL, 20, 20);
  while (hits < 8) CHECK_ERRNO(pause(), EINTR);
  struct itimerval cur;
  CHECK_EQ(getitimer(ITIMER_REAL, &cur), 0);
  CHECK_EQ(cur.it_interval.tv_usec, 20000);
  arm_ms(ITIMER_REAL, 0, 0);
  CHECK_EQ(getitimer(ITIMER_REAL, &cur), 0);
  CHECK_EQ(cur.it_value.tv_sec, 0);
  CHECK_EQ(cur.it_value.tv_usec, 0);

  /* Blocked, it waits pending and does not interrupt; unblocking delivers. */
  sigset_t alrm;
  sigemptyset(&alrm);
  sigaddset(&alrm, SIGALRM);
  CHECK_EQ(sigprocmask(SIG_BLOCK, &alrm, NULL), 0);
  int before = hits;
  arm_ms(ITIMER_REAL, 50, 0);
  struct timespec short_nap = {0, 300000000};
  CHECK_EQ(nanosleep(&short_nap, NULL), 0);
  CHECK_EQ(hits, before);
  sigset_t pend;
  CHECK_EQ(sigpending(&pend), 0);
  CHECK_EQ(sigismember(&pend, SIGALRM), 1);
  CHECK_EQ(sigprocmask(SIG_UNBLOCK, &alrm, NULL), 0);
  CHECK_EQ(hits, before + 1);

  /* The main thread blocks it, so the thread that takes it is woken. */
  CHECK_EQ(pthread_sigmask(SIG_BLOCK, &alrm, NULL), 0);
  pthread_t t;
  CHECK_EQ(pthread_create(&t, NULL, sleeper, NULL), 0);
  struct timespec settle = {0, 100000000};
  nanosleep(&settle, NULL);
  arm_ms(ITIMER_REAL, 100, 0);
  CHECK_EQ(pthread_join(t, NULL), 0);
  CHECK_EQ(hits, before + 2);
  CHECK(pthread_equal(handled_on, t));
  CHECK_EQ(pthread_sigmask(SIG_UNBLOCK, &alrm, NULL), 0);

  /* The virtual timer counts CPU time. */
  signal(SIGVTALRM, on_vtalarm);
  arm_ms(ITIMER_VIRTUAL, 50, 0);
  while (vhits == 0) {
  }
  CHECK_EQ(vhits, 1);

  struct itimerval bad = {{0, 0}, {0, 1000000}};
  CHECK_ERRNO(setitimer(ITIMER_REAL, &bad, NULL), EINVAL);
  CHECK_ERRNO(setitimer(ITIMER_PROF, &cur, NULL), EINVAL);
  CHECK_ERRNO(getitimer(7, &cur), EINVAL);

  /* Ignored, the alarm does nothing: it neither runs a handler nor
   * interrupts a sleep or a read (POSIX discards an ignored signal). */
  signal(SIGALRM, SIG_IGN);
  arm_ms(ITIMER_REAL, 20, 0);
  struct timespec wait = {0, 100000000}, unslept = {9, 9};
  CHECK_EQ(nanosleep(&wait, &unslept), 0);
  CHECK_EQ(hits, before + 2);
  int quiet[2];
  CHECK_EQ(pipe(quiet), 0);
  arm_ms(ITIMER_REAL, 20, 0);
  struct pollfd one = {quiet[0], POLLIN, 0};
  CHECK_EQ(poll(&one, 1, 100), 0);
  CHECK_EQ(hits, before + 2);

  /* A handler again: the next alarm interrupts. */
  signal(SIGALRM, on_alarm);
  arm_ms(ITIMER_REAL, 20, 0);
  errno = 0;
  CHECK_EQ(poll(&one, 1, 2000), -1);
  CHECK_EQ(errno, EINTR);
  CHECK_EQ(hits, before + 3);
  return test_summary();
}
