/* Cleanup handlers: popped with or without running them, and run in
 * reverse order by pthread_exit, before key destructors. */
#include <pthread.h>
#include "test.h"

static char order[16];
static int n;
static pthread_key_t key;

static void note(void *c) { order[n++] = *(char *)c; }

static void *worker(void *arg) {
  (void)arg;
  pthread_setspecific(key, "k");
  pthread_cleanup_push(note, "a");
  pthread_cleanup_push(note, "b");
  pthread_cleanup_push(note, "x");
  pthread_cleanup_pop(0);
  pthread_cleanup_push(note, "c");
  pthread_cleanup_pop(1);
  pthread_exit(NULL);
  pthread_cleanup_pop(0);
  pthread_cleanup_pop(0);
  return NULL;
}

int main(void) {
  pthread_t t;
  CHECK_EQ(pthread_key_create(&key, note), 0);
  CHECK_EQ(pthread_create(&t, NULL, worker, NULL), 0);
  CHECK_EQ(pthread_join(t, NULL), 0);
  CHECK_STR(order, "cbak");
  return test_summary();
}
