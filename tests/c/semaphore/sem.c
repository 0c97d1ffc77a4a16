/* Unnamed semaphores: counting, trywait on zero, getvalue, a producer and
 * consumer that hand over every item exactly once, sem_timedwait timing
 * out on time, and the error cases. */
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include "../pthread/now.h"
#include "test.h"

#define MS 1000000LL
#define ITEMS 20000

static sem_t items, slots;
static long ring[4];
static long long sum;

static void *produce(void *arg) {
  (void)arg;
  for (long i = 1; i <= ITEMS; i++) {
    sem_wait(&slots);
    ring[i % 4] = i;
    sem_post(&items);
  }
  return NULL;
}

static void *consume(void *arg) {
  (void)arg;
  for (long i = 1; i <= ITEMS; i++) {
    sem_wait(&items);
    sum += ring[i % 4];
    sem_post(&slots);
  }
  return NULL;
}

int main(void) {
  sem_t s;
  int v;
  CHECK_ERRNO(sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1), EINVAL);
  CHECK_EQ(sem_init(&s, 0, 2), 0);
  CHECK_EQ(sem_getvalue(&s, &v), 0);
  CHECK_EQ(v, 2);
  CHECK_EQ(sem_trywait(&s), 0);
  CHECK_EQ(sem_wait(&s), 0);
  CHECK_ERRNO(sem_trywait(&s), EAGAIN);
  CHECK_EQ(sem_post(&s), 0);
  CHECK_EQ(sem_getvalue(&s, &v), 0);
  CHECK_EQ(v, 1);

  /* A semaphore with a value is taken whatever the deadline. */
  struct timespec past = {0, 0};
  CHECK_EQ(sem_timedwait(&s, &past), 0);
  struct timespec ts = now_plus(NOW_REALTIME, 50 * MS);
  long long t0 = now_ns(NOW_MONOTONIC);
  CHECK_ERRNO(sem_timedwait(&s, &ts), ETIMEDOUT);
  long long dt = now_ns(NOW_MONOTONIC) - t0;
  CHECK(dt >= 48 * MS && dt < 450 * MS);
  struct timespec bad = {0, -1};
  CHECK_ERRNO(sem_timedwait(&s, &bad), EINVAL);
  CHECK_EQ(sem_destroy(&s), 0);

  CHECK_EQ(sem_init(&s, 0, SEM_VALUE_MAX), 0);
  CHECK_ERRNO(sem_post(&s), EOVERFLOW);

  CHECK_EQ(sem_init(&items, 0, 0), 0);
  CHECK_EQ(sem_init(&slots, 0, 4), 0);
  pthread_t p, c;
  CHECK_EQ(pthread_create(&c, NULL, consume, NULL), 0);
  CHECK_EQ(pthread_create(&p, NULL, produce, NULL), 0);
  CHECK_EQ(pthread_join(p, NULL), 0);
  CHECK_EQ(pthread_join(c, NULL), 0);
  CHECK_EQ(sum, (long long)ITEMS * (ITEMS + 1) / 2);
  CHECK_EQ(sem_getvalue(&slots, &v), 0);
  CHECK_EQ(v, 4);
  CHECK_EQ(sem_getvalue(&items, &v), 0);
  CHECK_EQ(v, 0);
  return test_summary();
}
