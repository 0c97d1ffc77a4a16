/* pthread_kill to another thread: the signal arrives there asynchronously,
 * its handler runs on that thread, and a call the thread is blocked in
 * fails with EINTR; a thread that blocks the signal takes it when it
 * unblocks it, without being interrupted meanwhile; an ignored signal
 * interrupts nothing; sem_wait and sem_timedwait end with EINTR; a thread
 * that has ended is ESRCH. */
#include "test.h"
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t usr1, usr2;
static volatile pthread_t handled_on;
static int quiet[2];
static pthread_barrier_t ready;

static void on_usr1(int sig) {
  if (sig == SIGUSR1) usr1++;
  handled_on = pthread_self();
}

static void on_usr2(int sig) {
  if (sig == SIGUSR2) usr2++;
  handled_on = pthread_self();
}

/* Waits in poll on a pipe nobody writes, for up to `ms`. */
static int wait_quietly(int ms) {
  struct pollfd p = {quiet[0], POLLIN, 0};
  return poll(&p, 1, ms);
}

static void *interrupted(void *arg) {
  (void)arg;
  pthread_barrier_wait(&ready);
  errno = 0;
  int r = wait_quietly(5000);
  CHECK_EQ(r, -1);
  CHECK_EQ(errno, EINTR);
  CHECK_EQ(usr1, 1);
  CHECK(pthread_equal(handled_on, pthread_self()));
  return NULL;
}

static void *blocking(void *arg) {
  (void)arg;
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGUSR2);
  CHECK_EQ(pthread_sigmask(SIG_BLOCK, &s, NULL), 0);
  pthread_barrier_wait(&ready);
  /* Sent now, but blocked: the wait runs its course. */
  pthread_barrier_wait(&ready);
  CHECK_EQ(wait_quietly(200), 0);
  CHECK_EQ(usr2, 0);
  sigset_t pending;
  CHECK_EQ(sigpending(&pending), 0);
  CHECK(sigismember(&pending, SIGUSR2));
  /* Unblocked, it arrives before pthread_sigmask returns. */
  CHECK_EQ(pthread_sigmask(SIG_UNBLOCK, &s, NULL), 0);
  CHECK_EQ(usr2, 1);
  CHECK(pthread_equal(handled_on, pthread_self()));
  return NULL;
}

static void *ignoring(void *arg) {
  (void)arg;
  pthread_barrier_wait(&ready);
  CHECK_EQ(wait_quietly(300), 0);
  return NULL;
}

static sem_t never;

/* A semaphore wait ends with EINTR once a handler ran on the thread. */
static void *sem_waiter(void *arg) {
  (void)arg;
  pthread_barrier_wait(&ready);
  errno = 0;
  CHECK_EQ(sem_wait(&never), -1);
  CHECK_EQ(errno, EINTR);
  pthread_barrier_wait(&ready);
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += 5;
  errno = 0;
  CHECK_EQ(sem_timedwait(&never, &until), -1);
  CHECK_EQ(errno, EINTR);
  return NULL;
}

static void *quick(void *arg) { return arg; }

int main(void) {
  CHECK_EQ(pipe(quiet), 0);
  CHECK_EQ(pthread_barrier_init(&ready, NULL, 2), 0);
  CHECK(signal(SIGUSR1, on_usr1) != SIG_ERR);
  CHECK(signal(SIGUSR2, on_usr2) != SIG_ERR);

  pthread_t t;
  CHECK_EQ(pthread_create(&t, NULL, interrupted, NULL), 0);
  pthread_barrier_wait(&ready);
  usleep(50000);
  CHECK_EQ(pthread_kill(t, 0), 0);
  CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
  CHECK_EQ(pthread_join(t, NULL), 0);
  CHECK_EQ(usr1, 1);

  CHECK_EQ(pthread_create(&t, NULL, blocking, NULL), 0);
  pthread_barrier_wait(&ready);
  CHECK_EQ(pthread_kill(t, SIGUSR2), 0);
  pthread_barrier_wait(&ready);
  CHECK_EQ(pthread_join(t, NULL), 0);
  CHECK_EQ(usr2, 1);

  CHECK(signal(SIGUSR1, SIG_IGN) == on_usr1);
  CHECK_EQ(pthread_create(&t, NULL, ignoring, NULL), 0);
  pthread_barrier_wait(&ready);
  usleep(50000);
  CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
  CHECK_EQ(pthread_join(t, NULL), 0);
  CHECK_EQ(usr1, 1);

  CHECK_EQ(sem_init(&never, 0, 0), 0);
  CHECK(signal(SIGUSR1, on_usr1) == SIG_IGN);
  CHECK_EQ(pthread_create(&t, NULL, sem_waiter, NULL), 0);
  pthread_barrier_wait(&ready);
  usleep(50000);
  CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
  pthread_barrier_wait(&ready);
  usleep(50000);
  CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
  CHECK_EQ(pthread_join(t, NULL), 0);
  CHECK_EQ(usr1, 3);
  CHECK(signal(SIGUSR1, SIG_IGN) == on_usr1);

  /* The calling thread itself: synchronous, as raise. */
  CHECK(signal(SIGUSR1, on_usr1) == SIG_IGN);
  CHECK_EQ(pthread_kill(pthread_self(), SIGUSR1), 0);
  CHECK_EQ(usr1, 4);

  CHECK_EQ(pthread_kill(pthread_self(), 99), EINVAL);
  pthread_attr_t a;
  pthread_attr_init(&a);
  pthread_attr_setdetachstate(&a, PTHREAD_CREATE_JOINABLE);
  CHECK_EQ(pthread_create(&t, &a, quick, NULL), 0);
  /* Ended but not joined yet: its id stays valid, and it is gone. */
  usleep(100000);
  CHECK_EQ(pthread_kill(t, 0), ESRCH);
  CHECK_EQ(pthread_kill(t, SIGUSR1), ESRCH);
  CHECK_EQ(pthread_join(t, NULL), 0);
  return test_summary();
}
