/* Thread-specific data: values are per thread and start NULL; destructors
 * run at thread exit for non-NULL values, again while they set new ones
 * (up to PTHREAD_DESTRUCTOR_ITERATIONS rounds); deleting a key runs none
 * and a new key in its place starts NULL. */
#include <limits.h>
#include <pthread.h>
#include "test.h"

static pthread_key_t k1, k2, again;
static volatile int dtor_calls, again_calls;
static void *seen[4];

static void count(void *v) {
  __atomic_add_fetch(&dtor_calls, (int)(long)v, __ATOMIC_RELAXED);
}

/* Sets itself again a few times: each round must call it again. */
static void renew(void *v) {
  again_calls++;
  if ((long)v < 10) pthread_setspecific(again, (void *)((long)v + 1));
}

static void *worker(void *arg) {
  long i = (long)arg;
  seen[i] = pthread_getspecific(k1);
  pthread_setspecific(k1, (void *)(100 + i));
  pthread_setspecific(k2, NULL);
  if (pthread_getspecific(k1) != (void *)(100 + i)) seen[i] = (void *)1;
  return NULL;
}

static void *renewer(void *arg) {
  (void)arg;
  pthread_setspecific(again, (void *)1);
  return NULL;
}

int main(void) {
  CHECK_EQ(pthread_key_create(&k1, count), 0);
  CHECK_EQ(pthread_key_create(&k2, count), 0);
  CHECK(pthread_getspecific(k1) == NULL);
  CHECK_EQ(pthread_setspecific(k1, (void *)7), 0);
  pthread_t t[4];
  for (long i = 0; i < 4; i++) CHECK_EQ(pthread_create(&t[i], NULL, worker, (void *)i), 0);
  for (int i = 0; i < 4; i++) CHECK_EQ(pthread_join(t[i], NULL), 0);
  for (int i = 0; i < 4; i++) CHECK(seen[i] == NULL);
  /* 100+101+102+103: once each, and not for the NULL values of k2. */
  CHECK_EQ(dtor_calls, 406);
  CHECK(pthread_getspecific(k1) == (void *)7);

  CHECK_EQ(pthread_key_create(&again, renew), 0);
  CHECK_EQ(pthread_create(&t[0], NULL, renewer, NULL), 0);
  CHECK_EQ(pthread_join(t[0], NULL), 0);
  CHECK_EQ(again_calls, PTHREAD_DESTRUCTOR_ITERATIONS);

  CHECK_EQ(pthread_key_delete(k1), 0);
  CHECK_EQ(pthread_key_delete(k1), EINVAL);
  CHECK_EQ(pthread_setspecific(k1, (void *)1), EINVAL);
  CHECK(pthread_getspecific(k1) == NULL);
  pthread_key_t k3;
  CHECK_EQ(pthread_key_create(&k3, NULL), 0);
  CHECK(pthread_getspecific(k3) == NULL);

  /* The table holds PTHREAD_KEYS_MAX keys. */
  pthread_key_t many[PTHREAD_KEYS_MAX];
  int made = 0;
  while (made < PTHREAD_KEYS_MAX && pthread_key_create(&many[made], NULL) == 0) made++;
  CHECK_EQ(made, PTHREAD_KEYS_MAX - 3);
  CHECK_EQ(pthread_key_create(&many[0], NULL), EAGAIN);
  return test_summary();
}
