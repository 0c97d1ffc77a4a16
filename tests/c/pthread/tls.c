/* Each thread has its own errno, its own copy of __thread variables
 * (starting from their initial values, whatever other threads did to
 * theirs) and its own thread pointer (the owner id stdio's locks use). */
#include <pthread.h>
#include "test.h"

static __thread int counter = 1000;
static __thread char name[16] = "initial";
static __thread long zeroed[32];
static __thread char aligned[3] __attribute__((aligned(64))) = {1, 2, 3};

struct result {
  int counter, errno_after, zero_ok, name_ok, aligned_ok;
  void *tp, *counter_addr;
};

static pthread_barrier_t both;

static void *run(void *arg) {
  struct result *r = arg;
  r->counter = counter;
  r->name_ok = test_streq(name, "initial");
  r->aligned_ok = (unsigned long)aligned % 64 == 0 && aligned[2] == 3;
  r->zero_ok = 1;
  for (int i = 0; i < 32; i++) r->zero_ok &= zeroed[i] == 0;
  counter += 5;
  zeroed[3] = 9;
  name[0] = 'X';
  errno = 0;
  pthread_barrier_wait(&both);
  /* Main sets its errno meanwhile; ours must stay 0 until we fail. */
  pthread_barrier_wait(&both);
  r->errno_after = errno;
  write(-1, "", 0);
  r->errno_after = r->errno_after * 1000 + errno;
  r->tp = __builtin_thread_pointer();
  r->counter_addr = &counter;
  return NULL;
}

int main(void) {
  struct result r[2];
  pthread_t t[2];
  counter = 7;
  name[0] = 'M';
  zeroed[3] = 1;
  CHECK_EQ(pthread_barrier_init(&both, NULL, 3), 0);
  for (int i = 0; i < 2; i++) CHECK_EQ(pthread_create(&t[i], NULL, run, &r[i]), 0);
  pthread_barrier_wait(&both);
  errno = EACCES;
  pthread_barrier_wait(&both);
  for (int i = 0; i < 2; i++) CHECK_EQ(pthread_join(t[i], NULL), 0);
  CHECK_EQ(errno, EACCES);
  for (int i = 0; i < 2; i++) {
    CHECK_EQ(r[i].counter, 1000);
    CHECK(r[i].name_ok);
    CHECK(r[i].zero_ok);
    CHECK(r[i].aligned_ok);
    CHECK_EQ(r[i].errno_after, EBADF);
    CHECK(r[i].tp != __builtin_thread_pointer());
    CHECK(r[i].counter_addr != &counter);
  }
  CHECK(r[0].tp != r[1].tp);
  CHECK_EQ(counter, 7);
  CHECK_EQ(name[0], 'M');
  CHECK_EQ(zeroed[3], 1);
  return test_summary();
}
