/* pthread_once from many threads at once: the routine runs exactly once,
 * and no caller returns before it has finished. */
#include <pthread.h>
#include "test.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_barrier_t start;
static volatile int runs, finished;

static void init(void) {
  runs++;
  for (int i = 0; i < 100; i++) sched_yield();
  finished = 1;
}

static void *call(void *arg) {
  (void)arg;
  pthread_barrier_wait(&start);
  pthread_once(&once, init);
  return (void *)(long)finished;
}

int main(void) {
  pthread_t t[8];
  CHECK_EQ(pthread_barrier_init(&start, NULL, 8), 0);
  for (int i = 0; i < 8; i++) CHECK_EQ(pthread_create(&t[i], NULL, call, NULL), 0);
  for (int i = 0; i < 8; i++) {
    void *r;
    CHECK_EQ(pthread_join(t[i], &r), 0);
    CHECK_EQ((long)r, 1);
  }
  CHECK_EQ(runs, 1);
  CHECK_EQ(pthread_once(&once, init), 0);
  CHECK_EQ(runs, 1);
  CHECK_EQ(pthread_barrier_destroy(&start), 0);
  return test_summary();
}
