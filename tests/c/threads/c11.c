/* C11 threads: thrd_create/thrd_join results, thrd_exit, mutexes (plain,
 * recursive, timed), condition variables, thread-specific storage with
 * destructors, call_once, thrd_sleep, and the status codes. */
#include <threads.h>
#include "../pthread/now.h"
#include "test.h"

#define MS 1000000LL

static mtx_t lock;
static cnd_t cond;
static int ready;
static long total;
static tss_t key;
static int dtor_sum;
static once_flag flag = ONCE_FLAG_INIT;
static int once_runs;

static void dtor(void *v) { dtor_sum += (int)(long)v; }
static void init_once(void) { once_runs++; }

static int add(void *arg) {
  call_once(&flag, init_once);
  tss_set(key, arg);
  for (int i = 0; i < 100000; i++) {
    mtx_lock(&lock);
    total++;
    mtx_unlock(&lock);
  }
  return (int)(long)tss_get(key);
}

static int waiter(void *arg) {
  (void)arg;
  mtx_lock(&lock);
  while (!ready) cnd_wait(&cond, &lock);
  mtx_unlock(&lock);
  thrd_exit(77);
}

static int holder(void *arg) {
  mtx_lock(&lock);
  __atomic_store_n((int *)arg, 1, __ATOMIC_RELEASE);
  while (__atomic_load_n((int *)arg, __ATOMIC_ACQUIRE) != 2) thrd_yield();
  mtx_unlock(&lock);
  return 0;
}

int main(void) {
  CHECK_EQ(mtx_init(&lock, mtx_plain), thrd_success);
  CHECK_EQ(mtx_init(&lock, 99), thrd_error);
  CHECK_EQ(mtx_init(&lock, mtx_timed), thrd_success);
  CHECK_EQ(cnd_init(&cond), thrd_success);
  CHECK_EQ(tss_create(&key, dtor), thrd_success);

  thrd_t t[3];
  for (long i = 0; i < 3; i++) CHECK_EQ(thrd_create(&t[i], add, (void *)(i + 1)), thrd_success);
  for (int i = 0; i < 3; i++) {
    int res = 0;
    CHECK_EQ(thrd_join(t[i], &res), thrd_success);
    CHECK_EQ(res, i + 1);
  }
  CHECK_EQ(total, 300000);
  CHECK_EQ(dtor_sum, 6);
  CHECK_EQ(once_runs, 1);
  CHECK(thrd_equal(thrd_current(), thrd_current()));
  CHECK(!thrd_equal(thrd_current(), t[0]));

  CHECK_EQ(thrd_create(&t[0], waiter, NULL), thrd_success);
  thrd_sleep(&(struct timespec){0, 10 * MS}, NULL);
  mtx_lock(&lock);
  ready = 1;
  CHECK_EQ(cnd_broadcast(&cond), thrd_success);
  mtx_unlock(&lock);
  int res = 0;
  CHECK_EQ(thrd_join(t[0], &res), thrd_success);
  CHECK_EQ(res, 77);

  /* Timed waits report thrd_timedout; trylock reports thrd_busy. */
  struct timespec ts = now_plus(NOW_REALTIME, 30 * MS);
  mtx_lock(&lock);
  long long t0 = now_ns(NOW_MONOTONIC);
  CHECK_EQ(cnd_timedwait(&cond, &lock, &ts), thrd_timedout);
  CHECK(now_ns(NOW_MONOTONIC) - t0 >= 28 * MS);
  mtx_unlock(&lock);
  int state = 0;
  CHECK_EQ(thrd_create(&t[0], holder, &state), thrd_success);
  while (__atomic_load_n(&state, __ATOMIC_ACQUIRE) != 1) thrd_yield();
  CHECK_EQ(mtx_trylock(&lock), thrd_busy);
  ts = now_plus(NOW_REALTIME, 30 * MS);
  t0 = now_ns(NOW_MONOTONIC);
  CHECK_EQ(mtx_timedlock(&lock, &ts), thrd_timedout);
  long long dt = now_ns(NOW_MONOTONIC) - t0;
  CHECK(dt >= 28 * MS && dt < 430 * MS);
  __atomic_store_n(&state, 2, __ATOMIC_RELEASE);
  CHECK_EQ(thrd_join(t[0], NULL), thrd_success);
  CHECK_EQ(mtx_trylock(&lock), thrd_success);
  CHECK_EQ(mtx_unlock(&lock), thrd_success);
  CHECK_EQ(mtx_unlock(&lock), thrd_error);

  /* Recursive mutexes count. */
  mtx_t r;
  CHECK_EQ(mtx_init(&r, mtx_plain | mtx_recursive), thrd_success);
  CHECK_EQ(mtx_lock(&r), thrd_success);
  CHECK_EQ(mtx_lock(&r), thrd_success);
  CHECK_EQ(mtx_unlock(&r), thrd_success);
  CHECK_EQ(mtx_unlock(&r), thrd_success);
  CHECK_EQ(mtx_unlock(&r), thrd_error);
  mtx_destroy(&r);

  /* thrd_sleep sleeps at least as long as asked. */
  t0 = now_ns(NOW_MONOTONIC);
  CHECK_EQ(thrd_sleep(&(struct timespec){0, 20 * MS}, NULL), 0);
  CHECK(now_ns(NOW_MONOTONIC) - t0 >= 20 * MS);
  CHECK(thrd_sleep(&(struct timespec){0, -5}, NULL) < -1);

  CHECK(tss_get(key) == NULL);
  CHECK_EQ(tss_set(key, (void *)5), thrd_success);
  CHECK(tss_get(key) == (void *)5);
  tss_delete(key);
  CHECK_EQ(tss_set(key, (void *)5), thrd_error);
  cnd_destroy(&cond);
  mtx_destroy(&lock);
  return test_summary();
}
