/* Barriers: nobody passes before everybody arrives, exactly one thread
 * per round gets PTHREAD_BARRIER_SERIAL_THREAD, rounds reuse the barrier.
 * Spinlocks: mutual exclusion and the error cases. */
#include <pthread.h>
#include "test.h"

#define THREADS 4
#define ROUNDS 500

static pthread_barrier_t barrier;
static pthread_spinlock_t spin;
static volatile int arrived[ROUNDS];
static volatile int serial[ROUNDS];
static volatile int early;
static volatile long spun;

static void *run(void *arg) {
  (void)arg;
  for (int r = 0; r < ROUNDS; r++) {
    __atomic_add_fetch(&arrived[r], 1, __ATOMIC_RELAXED);
    int s = pthread_barrier_wait(&barrier);
    if (__atomic_load_n(&arrived[r], __ATOMIC_RELAXED) != THREADS) early++;
    if (s == PTHREAD_BARRIER_SERIAL_THREAD) __atomic_add_fetch(&serial[r], 1, __ATOMIC_RELAXED);
    else if (s != 0) early++;
    for (int i = 0; i < 200; i++) {
      pthread_spin_lock(&spin);
      spun = spun + 1;
      pthread_spin_unlock(&spin);
    }
  }
  return NULL;
}

int main(void) {
  CHECK_EQ(pthread_barrier_init(&barrier, NULL, 0), EINVAL);
  CHECK_EQ(pthread_barrier_init(&barrier, NULL, THREADS), 0);
  CHECK_EQ(pthread_spin_init(&spin, 99), EINVAL);
  CHECK_EQ(pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE), 0);
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; i++) CHECK_EQ(pthread_create(&t[i], NULL, run, NULL), 0);
  for (int i = 0; i < THREADS; i++) CHECK_EQ(pthread_join(t[i], NULL), 0);
  CHECK_EQ(early, 0);
  int serial_ok = 1;
  for (int r = 0; r < ROUNDS; r++) serial_ok &= serial[r] == 1;
  CHECK(serial_ok);
  CHECK_EQ(spun, THREADS * ROUNDS * 200L);
  CHECK_EQ(pthread_barrier_destroy(&barrier), 0);

  CHECK_EQ(pthread_spin_lock(&spin), 0);
  CHECK_EQ(pthread_spin_trylock(&spin), EBUSY);
  CHECK_EQ(pthread_spin_lock(&spin), EDEADLK);
  CHECK_EQ(pthread_spin_destroy(&spin), EBUSY);
  CHECK_EQ(pthread_spin_unlock(&spin), 0);
  CHECK_EQ(pthread_spin_unlock(&spin), EPERM);
  CHECK_EQ(pthread_spin_destroy(&spin), 0);

  pthread_barrierattr_t ba;
  int v;
  CHECK_EQ(pthread_barrierattr_init(&ba), 0);
  CHECK_EQ(pthread_barrierattr_getpshared(&ba, &v), 0);
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_barrierattr_setpshared(&ba, 3), EINVAL);
  CHECK_EQ(pthread_barrier_init(&barrier, &ba, 1), 0);
  CHECK_EQ(pthread_barrier_wait(&barrier), PTHREAD_BARRIER_SERIAL_THREAD);
  CHECK_EQ(pthread_barrierattr_destroy(&ba), 0);
  return test_summary();
}
