/* Mutex types and errors: normal, recursive and errorcheck mutexes,
 * trylock, unlocking someone else's mutex, destroying a locked one,
 * attributes, and pthread_mutex_lock_pair_np. */
#include <pthread.h>
#include "test.h"

static pthread_mutex_t shared = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;

static void *try_other(void *arg) {
  (void)arg;
  long r = pthread_mutex_trylock(&shared) * 1000 + pthread_mutex_unlock(&shared);
  return (void *)r;
}

/* Locks the pair in the opposite order many times while main does too. */
static void *pair_worker(void *arg) {
  long *count = arg;
  for (int i = 0; i < 20000; i++) {
    if (pthread_mutex_lock_pair_np(&b, &a) != 0) return (void *)1;
    ++*count;
    pthread_mutex_unlock(&a);
    pthread_mutex_unlock(&b);
  }
  return NULL;
}

int main(void) {
  pthread_mutexattr_t attr;
  int v;
  CHECK_EQ(pthread_mutexattr_init(&attr), 0);
  CHECK_EQ(pthread_mutexattr_gettype(&attr, &v), 0);
  CHECK_EQ(v, PTHREAD_MUTEX_DEFAULT);
  CHECK_EQ(pthread_mutexattr_getpshared(&attr, &v), 0);
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_mutexattr_getrobust(&attr, &v), 0);
  CHECK_EQ(v, PTHREAD_MUTEX_STALLED);
  CHECK_EQ(pthread_mutexattr_settype(&attr, 99), EINVAL);
  CHECK_EQ(pthread_mutexattr_setpshared(&attr, 99), EINVAL);
  CHECK_EQ(pthread_mutexattr_setrobust(&attr, 99), EINVAL);
  CHECK_EQ(pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_PROTECT), ENOTSUP);
  CHECK_EQ(pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT), 0);
  CHECK_EQ(pthread_mutexattr_getprotocol(&attr, &v), 0);
  CHECK_EQ(v, PTHREAD_PRIO_INHERIT);

  /* Normal: relocking is reported, not a hang; trylock says busy. */
  pthread_mutex_t m;
  CHECK_EQ(pthread_mutex_init(&m, NULL), 0);
  CHECK_EQ(pthread_mutex_lock(&m), 0);
  CHECK_EQ(pthread_mutex_lock(&m), EDEADLK);
  CHECK_EQ(pthread_mutex_trylock(&m), EBUSY);
  CHECK_EQ(pthread_mutex_destroy(&m), EBUSY);
  CHECK_EQ(pthread_mutex_unlock(&m), 0);
  CHECK_EQ(pthread_mutex_unlock(&m), EPERM);
  CHECK_EQ(pthread_mutex_trylock(&m), 0);
  CHECK_EQ(pthread_mutex_unlock(&m), 0);
  CHECK_EQ(pthread_mutex_destroy(&m), 0);

  /* Recursive: counted. */
  CHECK_EQ(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE), 0);
  CHECK_EQ(pthread_mutex_init(&m, &attr), 0);
  for (int i = 0; i < 5; i++) CHECK_EQ(pthread_mutex_lock(&m), 0);
  CHECK_EQ(pthread_mutex_trylock(&m), 0);
  for (int i = 0; i < 6; i++) CHECK_EQ(pthread_mutex_unlock(&m), 0);
  CHECK_EQ(pthread_mutex_unlock(&m), EPERM);
  pthread_mutex_t r = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
  CHECK_EQ(pthread_mutex_lock(&r), 0);
  CHECK_EQ(pthread_mutex_lock(&r), 0);
  CHECK_EQ(pthread_mutex_unlock(&r), 0);
  CHECK_EQ(pthread_mutex_unlock(&r), 0);
  CHECK_EQ(pthread_mutex_unlock(&r), EPERM);

  /* Errorcheck. */
  CHECK_EQ(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK), 0);
  CHECK_EQ(pthread_mutex_init(&m, &attr), 0);
  CHECK_EQ(pthread_mutex_unlock(&m), EPERM);
  CHECK_EQ(pthread_mutex_lock(&m), 0);
  CHECK_EQ(pthread_mutex_lock(&m), EDEADLK);
  CHECK_EQ(pthread_mutex_unlock(&m), 0);
  CHECK_EQ(pthread_mutexattr_destroy(&attr), 0);

  /* Another thread can neither take nor release a held mutex. */
  pthread_t t;
  void *res;
  CHECK_EQ(pthread_mutex_lock(&shared), 0);
  CHECK_EQ(pthread_create(&t, NULL, try_other, NULL), 0);
  CHECK_EQ(pthread_join(t, &res), 0);
  CHECK_EQ((long)res, EBUSY * 1000 + EPERM);
  CHECK_EQ(pthread_mutex_unlock(&shared), 0);

  /* Pairs locked in opposite orders by two threads never deadlock. */
  long count = 0;
  CHECK_EQ(pthread_create(&t, NULL, pair_worker, &count), 0);
  int failures = 0;
  for (int i = 0; i < 20000; i++) {
    failures += pthread_mutex_lock_pair_np(&a, &b) != 0;
    count++;
    pthread_mutex_unlock(&b);
    pthread_mutex_unlock(&a);
  }
  CHECK_EQ(pthread_join(t, &res), 0);
  CHECK(res == NULL);
  CHECK_EQ(failures, 0);
  CHECK_EQ(count, 40000);
  CHECK_EQ(pthread_mutex_lock_pair_np(&a, &a), EDEADLK);
  CHECK_EQ(pthread_mutex_trylock(&a), 0);
  CHECK_EQ(pthread_mutex_unlock(&a), 0);

  /* Compat: no robust or priority-ceiling mutexes. */
  CHECK_EQ(pthread_mutex_consistent(&a), EINVAL);
  CHECK_EQ(pthread_mutex_getprioceiling(&a, &v), EINVAL);
  return test_summary();
}
