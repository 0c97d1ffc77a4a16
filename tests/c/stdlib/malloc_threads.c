/* Four threads make 10^5 allocator operations each, passing blocks to
 * one another through a shared array, so most blocks are freed (or
 * resized) by a thread other than the one that allocated them. Each block
 * carries a pattern derived from the address it was allocated at, checked
 * by whoever takes it, so overlapping blocks or lost contents show up. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include "test.h"

#define THREADS 4
#define OPS 100000
#define SHARED 256

struct block {
  uintptr_t seed;
  size_t n;
  unsigned char data[];
};

static struct block *volatile shared[SHARED];
static int bad[THREADS];

static unsigned char pattern(const struct block *b, size_t i) {
  return (unsigned char)((b->seed >> 4) + b->n + i * 7);
}

static void fill(struct block *b) {
  for (size_t i = 0; i < b->n; i++) b->data[i] = pattern(b, i);
}

static int intact(const struct block *b) {
  for (size_t i = 0; i < b->n; i++)
    if (b->data[i] != pattern(b, i)) return 0;
  return 1;
}

static void *worker(void *arg) {
  long me = (long)arg;
  uint64_t s = 0x9e3779b97f4a7c15ull * (uint64_t)(me + 1);
  for (long op = 0; op < OPS; op++) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    size_t n = (s >> 20) % 100 == 0 ? (s >> 8) % 20000 : (s >> 8) % 300;
    struct block *b;
    if ((s >> 40) % 4 == 0) {
      b = calloc(1, sizeof(*b) + n);
    } else {
      b = malloc(sizeof(*b) + n);
    }
    if (b == NULL || (uintptr_t)b % 16 != 0) {
      bad[me]++;
      continue;
    }
    b->seed = (uintptr_t)b;
    b->n = n;
    fill(b);
    struct block *old = __atomic_exchange_n(&shared[(s >> 32) % SHARED], b, __ATOMIC_ACQ_REL);
    if (old == NULL) continue;
    if (!intact(old)) bad[me]++;
    if ((s >> 44) % 8 == 0) {
      /* Grow the other thread's block, check what it kept, then free it. */
      old = realloc(old, sizeof(*old) + old->n + 1000);
      if (old == NULL || (uintptr_t)old % 16 != 0 || !intact(old)) {
        bad[me]++;
        continue;
      }
    }
    free(old);
  }
  return NULL;
}

int main(void) {
  pthread_t t[THREADS];
  for (long i = 1; i < THREADS; i++) CHECK_EQ(pthread_create(&t[i], NULL, worker, (void *)i), 0);
  worker((void *)0);
  for (int i = 1; i < THREADS; i++) CHECK_EQ(pthread_join(t[i], NULL), 0);
  for (int i = 0; i < THREADS; i++) CHECK_EQ(bad[i], 0);
  for (int i = 0; i < SHARED; i++) {
    if (shared[i] != NULL) CHECK(intact(shared[i]));
    free(shared[i]);
  }
  return test_summary();
}
