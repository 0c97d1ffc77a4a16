/* 2, 4 and 8 threads each add 1 to a shared counter a million times under
 * one mutex: any lost update shows in the total. Uncontended and
 * contended paths both run (the threads overlap on two cores). */
#include <pthread.h>
#include "test.h"

#define ROUNDS 1000000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *add(void *arg) {
  for (int i = 0; i < ROUNDS; i++) {
    if (pthread_mutex_lock(&lock) != 0) return (void *)1;
    counter = counter + 1;
    if (pthread_mutex_unlock(&lock) != 0) return (void *)1;
  }
  return arg;
}

int main(void) {
  for (int n = 2; n <= 8; n *= 2) {
    pthread_t t[8];
    counter = 0;
    for (int i = 0; i < n; i++) CHECK_EQ(pthread_create(&t[i], NULL, add, NULL), 0);
    for (int i = 0; i < n; i++) {
      void *r = (void *)2;
      CHECK_EQ(pthread_join(t[i], &r), 0);
      CHECK(r == NULL);
    }
    CHECK_EQ(counter, (long)n * ROUNDS);
  }
  CHECK_EQ(pthread_mutex_destroy(&lock), 0);
  return test_summary();
}
