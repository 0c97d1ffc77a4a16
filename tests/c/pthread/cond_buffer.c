/* A bounded buffer: two producers, two consumers, one mutex and two
 * condition variables. Every item is taken exactly once and the buffer
 * never over- or underflows. */
#include <pthread.h>
#include "test.h"

#define SIZE 8
#define ITEMS 50000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static long buf[SIZE];
static int head, count, bad;
static long long taken_sum;
static long taken;

static void *produce(void *arg) {
  long base = (long)arg;
  for (long i = 1; i <= ITEMS; i++) {
    pthread_mutex_lock(&lock);
    while (count == SIZE) pthread_cond_wait(&not_full, &lock);
    if (count < 0 || count >= SIZE) bad++;
    buf[(head + count) % SIZE] = base + i;
    count++;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

static void *consume(void *arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&lock);
    while (count == 0 && taken < 2 * ITEMS) pthread_cond_wait(&not_empty, &lock);
    if (taken == 2 * ITEMS) {
      pthread_mutex_unlock(&lock);
      return NULL;
    }
    if (count <= 0 || count > SIZE) bad++;
    taken_sum += buf[head];
    head = (head + 1) % SIZE;
    count--;
    if (++taken == 2 * ITEMS) pthread_cond_broadcast(&not_empty);
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&lock);
  }
}

int main(void) {
  pthread_t p[2], c[2];
  CHECK_EQ(pthread_create(&c[0], NULL, consume, NULL), 0);
  CHECK_EQ(pthread_create(&c[1], NULL, consume, NULL), 0);
  CHECK_EQ(pthread_create(&p[0], NULL, produce, (void *)0L), 0);
  CHECK_EQ(pthread_create(&p[1], NULL, produce, (void *)1000000L), 0);
  for (int i = 0; i < 2; i++) {
    CHECK_EQ(pthread_join(p[i], NULL), 0);
    CHECK_EQ(pthread_join(c[i], NULL), 0);
  }
  long long n = ITEMS;
  CHECK_EQ(taken, 2 * ITEMS);
  CHECK_EQ(taken_sum, n * (n + 1) + 1000000LL * n);
  CHECK_EQ(bad, 0);
  CHECK_EQ(count, 0);
  CHECK_EQ(pthread_cond_destroy(&not_full), 0);
  CHECK_EQ(pthread_cond_destroy(&not_empty), 0);

  /* Waiting needs the mutex held. */
  CHECK_EQ(pthread_cond_wait(&not_full, &lock), EPERM);
  /* Signalling a condition variable nobody waits on is fine. */
  CHECK_EQ(pthread_cond_signal(&not_full), 0);
  CHECK_EQ(pthread_cond_broadcast(&not_full), 0);
  return test_summary();
}
