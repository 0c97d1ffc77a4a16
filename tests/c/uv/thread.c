/* The thread and synchronisation wrappers: threads, mutexes (plain and
 * recursive), rwlocks, semaphores, condition variables (with timeouts),
 * barriers, thread-local keys and once. */
#include "test.h"
#include <uv.h>

static uv_mutex_t mutex;
static uv_cond_t cond;
static int counter, ready;
static uv_barrier_t barrier;
static int serial;
static uv_key_t key;
static uv_once_t once = UV_ONCE_INIT;
static int once_runs;

static void add(void *arg) {
  int n = *(int *)arg;
  for (int i = 0; i < n; i++) {
    uv_mutex_lock(&mutex);
    counter++;
    uv_mutex_unlock(&mutex);
  }
}

static void signaller(void *arg) {
  (void)arg;
  uv_mutex_lock(&mutex);
  ready = 1;
  uv_cond_signal(&cond);
  uv_mutex_unlock(&mutex);
}

static void at_barrier(void *arg) {
  (void)arg;
  if (uv_barrier_wait(&barrier) > 0) __atomic_add_fetch(&serial, 1, __ATOMIC_RELAXED);
}

static void own_key(void *arg) {
  CHECK(uv_key_get(&key) == NULL);
  uv_key_set(&key, arg);
  CHECK(uv_key_get(&key) == arg);
}

static void init_once(void) { once_runs++; }

int main(void) {
  /* Threads and a mutex. */
  CHECK_EQ(uv_mutex_init(&mutex), 0);
  uv_thread_t t[4];
  int n = 10000;
  for (int i = 0; i < 4; i++) CHECK_EQ(uv_thread_create(&t[i], add, &n), 0);
  for (int i = 0; i < 4; i++) CHECK_EQ(uv_thread_join(&t[i]), 0);
  CHECK_EQ(counter, 40000);
  uv_thread_t self = uv_thread_self();
  CHECK(uv_thread_equal(&self, &self));
  CHECK(!uv_thread_equal(&self, &t[0]));
  CHECK_EQ(uv_thread_create(&t[0], NULL, NULL), UV_EINVAL);

  CHECK_EQ(uv_mutex_trylock(&mutex), 0);
  CHECK_EQ(uv_mutex_trylock(&mutex), UV_EBUSY);
  uv_mutex_unlock(&mutex);

  uv_mutex_t rec;
  CHECK_EQ(uv_mutex_init_recursive(&rec), 0);
  uv_mutex_lock(&rec);
  CHECK_EQ(uv_mutex_trylock(&rec), 0);
  uv_mutex_unlock(&rec);
  uv_mutex_unlock(&rec);
  uv_mutex_destroy(&rec);

  /* Read-write locks. */
  uv_rwlock_t rw;
  CHECK_EQ(uv_rwlock_init(&rw), 0);
  uv_rwlock_rdlock(&rw);
  CHECK_EQ(uv_rwlock_tryrdlock(&rw), 0);
  CHECK_EQ(uv_rwlock_trywrlock(&rw), UV_EBUSY);
  uv_rwlock_rdunlock(&rw);
  uv_rwlock_rdunlock(&rw);
  uv_rwlock_wrlock(&rw);
  CHECK_EQ(uv_rwlock_tryrdlock(&rw), UV_EBUSY);
  uv_rwlock_wrunlock(&rw);
  CHECK_EQ(uv_rwlock_trywrlock(&rw), 0);
  uv_rwlock_wrunlock(&rw);
  uv_rwlock_destroy(&rw);

  /* Semaphores. */
  uv_sem_t sem;
  CHECK_EQ(uv_sem_init(&sem, 1), 0);
  CHECK_EQ(uv_sem_trywait(&sem), 0);
  CHECK_EQ(uv_sem_trywait(&sem), UV_EAGAIN);
  uv_sem_post(&sem);
  uv_sem_wait(&sem);
  uv_sem_destroy(&sem);

  /* Condition variables: a timeout, then a signal from another thread. */
  CHECK_EQ(uv_cond_init(&cond), 0);
  uv_mutex_lock(&mutex);
  uint64_t start = uv_hrtime();
  CHECK_EQ(uv_cond_timedwait(&cond, &mutex, 20000000), UV_ETIMEDOUT);
  CHECK(uv_hrtime() - start >= 15000000);
  CHECK_EQ(uv_thread_create(&t[0], signaller, NULL), 0);
  while (!ready) uv_cond_wait(&cond, &mutex);
  uv_mutex_unlock(&mutex);
  CHECK_EQ(uv_thread_join(&t[0]), 0);
  uv_cond_broadcast(&cond);
  uv_cond_destroy(&cond);
  uv_mutex_destroy(&mutex);

  /* A barrier: exactly one of the arriving threads is told it was last. */
  CHECK_EQ(uv_barrier_init(&barrier, 4), 0);
  for (int i = 0; i < 3; i++) CHECK_EQ(uv_thread_create(&t[i], at_barrier, NULL), 0);
  at_barrier(NULL);
  for (int i = 0; i < 3; i++) CHECK_EQ(uv_thread_join(&t[i]), 0);
  CHECK_EQ(serial, 1);
  uv_barrier_destroy(&barrier);

  /* Keys are per thread. */
  CHECK_EQ(uv_key_create(&key), 0);
  uv_key_set(&key, &n);
  CHECK_EQ(uv_thread_create(&t[0], own_key, &counter), 0);
  CHECK_EQ(uv_thread_join(&t[0]), 0);
  CHECK(uv_key_get(&key) == &n);
  uv_key_delete(&key);

  uv_once(&once, init_once);
  uv_once(&once, init_once);
  CHECK_EQ(once_runs, 1);
  return test_summary();
}
