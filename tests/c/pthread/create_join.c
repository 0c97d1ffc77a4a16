/* Thread life cycle: results through pthread_join and pthread_exit,
 * pthread_self and pthread_equal, detached threads, attributes, and 1000
 * create/join cycles that reuse memory and leak no descriptors. */
#include <limits.h>
#include <pthread.h>
#include "test.h"

static void *self(void *arg) {
  (void)arg;
  return pthread_self();
}

static void *exits(void *arg) {
  pthread_exit((char *)arg + 1);
  return NULL;
}

static void *stack_address(void *arg) {
  volatile char probe = 0;
  (void)arg;
  return (void *)((unsigned long)&probe >> 16);
}

static volatile int detached_done;

static void *detached(void *arg) {
  (void)arg;
  __atomic_add_fetch(&detached_done, 1, __ATOMIC_RELEASE);
  return NULL;
}

static void *deep(void *arg) {
  /* Uses most of a 64 KiB stack. */
  volatile char big[48 * 1024];
  for (unsigned i = 0; i < sizeof(big); i += 512) big[i] = (char)i;
  return (void *)(long)big[(long)arg];
}

int main(void) {
  pthread_t t, u;
  void *r;
  CHECK_EQ(pthread_create(&t, NULL, self, NULL), 0);
  CHECK_EQ(pthread_join(t, &r), 0);
  CHECK(pthread_equal((pthread_t)r, t));
  CHECK(!pthread_equal(pthread_self(), t));
  CHECK(pthread_equal(pthread_self(), pthread_self()));

  static char text[] = "xy";
  CHECK_EQ(pthread_create(&t, NULL, exits, text), 0);
  CHECK_EQ(pthread_join(t, &r), 0);
  CHECK(r == text + 1);
  CHECK_EQ(pthread_join(pthread_self(), NULL), EDEADLK);

  /* 1000 cycles: stacks come from a handful of places (memory is reused,
   * not leaked), and the next free descriptor number stays the same. */
  int fd_before = dup(2);
  close(fd_before);
  void *places[8];
  int nplaces = 0, failures = 0;
  for (int i = 0; i < 1000; i++) {
    failures += pthread_create(&t, NULL, stack_address, NULL) != 0;
    failures += pthread_join(t, &r) != 0;
    int known = 0;
    for (int j = 0; j < nplaces; j++) known |= places[j] == r;
    if (!known && nplaces < 8) places[nplaces++] = r;
    else if (!known) failures++;
  }
  CHECK_EQ(failures, 0);
  CHECK(nplaces <= 4);
  int fd_after = dup(2);
  CHECK_EQ(fd_after, fd_before);
  close(fd_after);

  /* Detached threads: released by the library, not joinable. */
  pthread_attr_t a;
  int v;
  CHECK_EQ(pthread_attr_init(&a), 0);
  CHECK_EQ(pthread_attr_getdetachstate(&a, &v), 0);
  CHECK_EQ(v, PTHREAD_CREATE_JOINABLE);
  CHECK_EQ(pthread_attr_setdetachstate(&a, 5), EINVAL);
  CHECK_EQ(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED), 0);
  for (int i = 0; i < 200; i++) failures += pthread_create(&t, &a, detached, NULL) != 0;
  CHECK_EQ(failures, 0);
  CHECK_EQ(pthread_create(&u, NULL, self, NULL), 0);
  CHECK_EQ(pthread_detach(u), 0);
  CHECK_EQ(pthread_create(&u, NULL, self, NULL), 0);
  while (pthread_tryjoin_np(u, &r) == EBUSY) sched_yield();
  CHECK(pthread_equal((pthread_t)r, u));
  while (__atomic_load_n(&detached_done, __ATOMIC_ACQUIRE) < 200) sched_yield();

  /* A small stack, and the attributes the thread then reports. */
  size_t size;
  CHECK_EQ(pthread_attr_getstacksize(&a, &size), 0);
  CHECK(size >= PTHREAD_STACK_MIN);
  CHECK_EQ(pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN - 1), EINVAL);
  CHECK_EQ(pthread_attr_setstacksize(&a, 64 * 1024), 0);
  CHECK_EQ(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_JOINABLE), 0);
  CHECK_EQ(pthread_create(&t, &a, deep, (void *)512L), 0);
  CHECK_EQ(pthread_join(t, &r), 0);
  CHECK_EQ((long)r, 0);
  CHECK_EQ(pthread_attr_destroy(&a), 0);

  /* A stack the caller provides. */
  static char stack[128 * 1024] __attribute__((aligned(16)));
  CHECK_EQ(pthread_attr_init(&a), 0);
  CHECK_EQ(pthread_attr_setstack(&a, stack, sizeof(stack)), 0);
  CHECK_EQ(pthread_create(&t, &a, stack_address, NULL), 0);
  CHECK_EQ(pthread_join(t, &r), 0);
  CHECK((unsigned long)r >= (unsigned long)stack >> 16 && (unsigned long)r <= ((unsigned long)stack + sizeof(stack)) >> 16);
  return test_summary();
}
