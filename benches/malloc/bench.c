/* Allocator throughput, built against each C library by run.sh. Prints
 * one line per case: its name and the nanoseconds per operation (wall
 * clock, best of a few repetitions). Output goes through write(2) only.
 *
 * Cases:
 * - small_1t: free a random one of 1000 live blocks and allocate a new one
 *   of 16-512 bytes (random), one thread; an operation is a free+malloc.
 * - small_2t: the same on two threads at once, each with its own 1000
 *   blocks; ns per operation of one thread.
 * - small_xt: two threads, each frees blocks the other allocated (they
 *   swap working sets through a shared array between rounds).
 * - medium: as small_1t with 1-64 KiB blocks and 100 live ones, touching
 *   the first and last byte (bytes/bytearray-like churn).
 * - realloc: grow one block from 1 byte to 1 MiB by 1/8 steps, writing
 *   its last byte each time; an operation is one realloc. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t next(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static void out(const char *s) { write(1, s, strlen(s)); }

/* Prints v/1000 with one decimal. */
static void milli(uint64_t v) {
  char b[32];
  int i = sizeof(b);
  b[--i] = '\n';
  b[--i] = '0' + (v / 100) % 10;
  b[--i] = '.';
  v /= 1000;
  do {
    b[--i] = '0' + v % 10;
    v /= 10;
  } while (v != 0);
  write(1, b + i, sizeof(b) - i);
}

static void report(const char *name, uint64_t ns, uint64_t ops) {
  out(name);
  out(" ");
  milli(ns * 1000 / ops);
}

#define SMALL_LIVE 1000
#define SMALL_OPS 2000000
#define MEDIUM_LIVE 100
#define MEDIUM_OPS 200000
#define REPEAT 3

struct churn {
  void **slots;
  size_t live;
  size_t min, max;
  long ops;
  uint64_t seed;
  int touch_end;
};

static void fill(struct churn *c) {
  for (size_t i = 0; i < c->live; i++) {
    size_t n = c->min + next(&c->seed) % (c->max - c->min + 1);
    c->slots[i] = malloc(n);
    *(char *)c->slots[i] = 1;
  }
}

static void drain(struct churn *c) {
  for (size_t i = 0; i < c->live; i++) free(c->slots[i]);
}

static void *churn(void *arg) {
  struct churn *c = arg;
  for (long k = 0; k < c->ops; k++) {
    uint64_t r = next(&c->seed);
    size_t i = r % c->live;
    size_t n = c->min + (r >> 32) % (c->max - c->min + 1);
    free(c->slots[i]);
    char *p = malloc(n);
    p[0] = 1;
    if (c->touch_end) p[n - 1] = 1;
    c->slots[i] = p;
  }
  return NULL;
}

static uint64_t run_churn(size_t nthreads, size_t live, size_t min, size_t max, long ops, int touch_end) {
  static void *slots[2][SMALL_LIVE];
  struct churn c[2];
  pthread_t t[2];
  for (size_t j = 0; j < nthreads; j++) {
    c[j] = (struct churn){slots[j], live, min, max, ops, 0x9e3779b97f4a7c15ULL + j, touch_end};
    fill(&c[j]);
  }
  uint64_t t0 = now_ns();
  for (size_t j = 1; j < nthreads; j++) pthread_create(&t[j], NULL, churn, &c[j]);
  churn(&c[0]);
  for (size_t j = 1; j < nthreads; j++) pthread_join(t[j], NULL);
  uint64_t dt = now_ns() - t0;
  for (size_t j = 0; j < nthreads; j++) drain(&c[j]);
  return dt;
}

/* Cross-thread frees: in each round both threads replace every block of
 * the array they were handed, then swap arrays at a barrier. */
#define XT_ROUNDS 2000
static void *xt_slots[2][SMALL_LIVE];
static pthread_barrier_t xt_barrier;

static void *xt_worker(void *arg) {
  size_t me = (size_t)(uintptr_t)arg;
  uint64_t seed = 0x12345678u + me;
  for (int r = 0; r < XT_ROUNDS; r++) {
    void **s = xt_slots[(me + (size_t)r) & 1];
    for (size_t i = 0; i < SMALL_LIVE; i++) {
      free(s[i]);
      char *p = malloc(16 + next(&seed) % 497);
      p[0] = 1;
      s[i] = p;
    }
    pthread_barrier_wait(&xt_barrier);
  }
  return NULL;
}

static uint64_t run_xt(void) {
  pthread_barrier_init(&xt_barrier, NULL, 2);
  for (size_t j = 0; j < 2; j++)
    for (size_t i = 0; i < SMALL_LIVE; i++) xt_slots[j][i] = malloc(64);
  pthread_t t;
  uint64_t t0 = now_ns();
  pthread_create(&t, NULL, xt_worker, (void *)1);
  xt_worker((void *)0);
  pthread_join(t, NULL);
  uint64_t dt = now_ns() - t0;
  for (size_t j = 0; j < 2; j++)
    for (size_t i = 0; i < SMALL_LIVE; i++) free(xt_slots[j][i]);
  pthread_barrier_destroy(&xt_barrier);
  return dt;
}

#define REALLOC_ROUNDS 300
static uint64_t run_realloc(long *ops) {
  *ops = 0;
  uint64_t t0 = now_ns();
  for (int r = 0; r < REALLOC_ROUNDS; r++) {
    size_t n = 1;
    char *p = malloc(n);
    while (n < (1u << 20)) {
      n += n / 8 + 1;
      p = realloc(p, n);
      p[n - 1] = 1;
      ++*ops;
    }
    free(p);
  }
  return now_ns() - t0;
}

static uint64_t best(uint64_t a, uint64_t b) { return a < b ? a : b; }

int main(void) {
  uint64_t t = UINT64_MAX;
  for (int i = 0; i < REPEAT; i++) t = best(t, run_churn(1, SMALL_LIVE, 16, 512, SMALL_OPS, 0));
  report("small_1t", t, SMALL_OPS);
  t = UINT64_MAX;
  for (int i = 0; i < REPEAT; i++) t = best(t, run_churn(2, SMALL_LIVE, 16, 512, SMALL_OPS, 0));
  report("small_2t", t, SMALL_OPS);
  t = UINT64_MAX;
  for (int i = 0; i < REPEAT; i++) t = best(t, run_xt());
  report("small_xt", t, (uint64_t)XT_ROUNDS * SMALL_LIVE);
  t = UINT64_MAX;
  for (int i = 0; i < REPEAT; i++) t = best(t, run_churn(1, MEDIUM_LIVE, 1, 65536, MEDIUM_OPS, 1));
  report("medium", t, MEDIUM_OPS);
  t = UINT64_MAX;
  long ops = 1;
  for (int i = 0; i < REPEAT; i++) t = best(t, run_realloc(&ops));
  report("realloc", t, (uint64_t)ops);
  return 0;
}
