/* Readers share an rwlock, writers have it alone: readers and writers
 * check each other's counts inside the lock; a reader may take its read
 * lock again while a writer waits; errors for misuse. */
#include <pthread.h>
#include "test.h"

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int readers, writers, bad, max_readers;
static pthread_mutex_t stats = PTHREAD_MUTEX_INITIALIZER;
static long value;

static void *reader(void *arg) {
  (void)arg;
  for (int i = 0; i < 20000; i++) {
    pthread_rwlock_rdlock(&rw);
    pthread_mutex_lock(&stats);
    readers++;
    if (writers != 0) bad++;
    if (readers > max_readers) max_readers = readers;
    pthread_mutex_unlock(&stats);
    long v = value;
    if (v % 2 != 0) bad++;
    pthread_mutex_lock(&stats);
    readers--;
    pthread_mutex_unlock(&stats);
    pthread_rwlock_unlock(&rw);
  }
  return NULL;
}

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 5000; i++) {
    pthread_rwlock_wrlock(&rw);
    pthread_mutex_lock(&stats);
    writers++;
    if (writers != 1 || readers != 0) bad++;
    pthread_mutex_unlock(&stats);
    value++;
    value++;
    pthread_mutex_lock(&stats);
    writers--;
    pthread_mutex_unlock(&stats);
    pthread_rwlock_unlock(&rw);
  }
  return NULL;
}

static void *try_write(void *arg) {
  (void)arg;
  return (void *)(long)pthread_rwlock_trywrlock(&rw);
}

static void *blocking_writer(void *arg) {
  (void)arg;
  pthread_rwlock_wrlock(&rw);
  pthread_rwlock_unlock(&rw);
  return NULL;
}

int main(void) {
  pthread_t t[6];
  for (int i = 0; i < 4; i++) CHECK_EQ(pthread_create(&t[i], NULL, reader, NULL), 0);
  for (int i = 4; i < 6; i++) CHECK_EQ(pthread_create(&t[i], NULL, writer, NULL), 0);
  for (int i = 0; i < 6; i++) CHECK_EQ(pthread_join(t[i], NULL), 0);
  CHECK_EQ(bad, 0);
  CHECK_EQ(value, 2 * 2 * 5000);
  CHECK(max_readers >= 1);

  /* Shared reads; no writer meanwhile. */
  CHECK_EQ(pthread_rwlock_rdlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_tryrdlock(&rw), 0);
  void *r;
  CHECK_EQ(pthread_create(&t[0], NULL, try_write, NULL), 0);
  CHECK_EQ(pthread_join(t[0], &r), 0);
  CHECK_EQ((long)r, EBUSY);
  /* A writer starts waiting; this thread, holding read locks, still gets
   * another one instead of deadlocking against it. */
  CHECK_EQ(pthread_create(&t[0], NULL, blocking_writer, NULL), 0);
  /* The lock word says so once the writer sleeps (kernel-managed bit). */
  while ((__atomic_load_n(&rw.__state, __ATOMIC_RELAXED) & 0x80000000u) == 0) sched_yield();
  CHECK_EQ(pthread_rwlock_tryrdlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_rdlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_destroy(&rw), EBUSY);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_join(t[0], NULL), 0);
  CHECK_EQ(pthread_rwlock_unlock(&rw), EPERM);

  /* Writing excludes everything, including the writer's own reads. */
  CHECK_EQ(pthread_rwlock_wrlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_tryrdlock(&rw), EBUSY);
  CHECK_EQ(pthread_rwlock_trywrlock(&rw), EBUSY);
  CHECK_EQ(pthread_rwlock_wrlock(&rw), EDEADLK);
  CHECK_EQ(pthread_rwlock_rdlock(&rw), EDEADLK);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_destroy(&rw), 0);

  pthread_rwlockattr_t a;
  int v;
  CHECK_EQ(pthread_rwlockattr_init(&a), 0);
  CHECK_EQ(pthread_rwlockattr_getpshared(&a, &v), 0);
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_rwlockattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
  CHECK_EQ(pthread_rwlock_init(&rw, &a), 0);
  CHECK_EQ(pthread_rwlock_wrlock(&rw), 0);
  CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
  CHECK_EQ(pthread_rwlockattr_destroy(&a), 0);
  return test_summary();
}
