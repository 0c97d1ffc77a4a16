/* Throughput of strtod, strtol and qsort, built against each C library
 * by run.sh. Times are in TSC cycles (the same clock for every build);
 * each figure is the best of several rounds. Uses only write(2) for
 * output, so it runs before stdio exists. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t cycles(void) {
  uint32_t lo, hi;
  __asm__ volatile("lfence\n rdtsc" : "=a"(lo), "=d"(hi));
  return (uint64_t)hi << 32 | lo;
}

static uint64_t state = 0x9e3779b97f4a7c15ULL;
static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static void out(const char *s) { write(1, s, strlen(s)); }

static void num(uint64_t v) {
  char b[24];
  int i = sizeof(b);
  do {
    b[--i] = '0' + v % 10;
    v /= 10;
  } while (v);
  write(1, b + i, sizeof(b) - i);
}

/* Prints "name cycles-per-op" (per element for qsort). */
static void report(const char *name, uint64_t best, uint64_t ops) {
  out(name);
  out(" ");
  num(best * 10 / ops);
  out("\n");
}

#define POOL 4096
static char text[POOL][40];

static void decimal_pool(void) {
  for (int i = 0; i < POOL; i++) {
    char *p = text[i];
    int nd = 1 + next() % 17, dot = next() % (nd + 1);
    for (int k = 0; k < nd; k++) {
      if (k == dot)
        *p++ = '.';
      *p++ = '0' + next() % 10;
    }
    *p++ = 'e';
    int e = (int)(next() % 61) - 30;
    if (i % 8 == 0)
      e = (int)(next() % 601) - 300;
    if (e < 0) {
      *p++ = '-';
      e = -e;
    }
    if (e >= 100)
      *p++ = '0' + e / 100;
    if (e >= 10)
      *p++ = '0' + e / 10 % 10;
    *p++ = '0' + e % 10;
    *p = '\0';
  }
}

static void integer_pool(void) {
  for (int i = 0; i < POOL; i++) {
    char *p = text[i];
    if (i % 4 == 0) {
      *p++ = '0';
      *p++ = 'x';
      for (int k = 1 + next() % 15; k > 0; k--)
        *p++ = "0123456789abcdef"[next() % 16];
    } else {
      if (i % 3 == 0)
        *p++ = '-';
      for (int k = 1 + next() % 18; k > 0; k--)
        *p++ = '0' + next() % 10;
    }
    *p = '\0';
  }
}

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

#define N 1000000
static int data[N];
static volatile double sink_d;
static volatile long sink_l;

int main(void) {
  enum { ROUNDS = 5, CALLS = 1000000 };
  uint64_t best;

  decimal_pool();
  best = UINT64_MAX;
  for (int r = 0; r < ROUNDS; r++) {
    double sum = 0;
    uint64_t t = cycles();
    for (int i = 0; i < CALLS; i++)
      sum += strtod(text[i % POOL], NULL);
    t = cycles() - t;
    sink_d = sum;
    if (t < best)
      best = t;
  }
  report("strtod", best, CALLS);

  integer_pool();
  best = UINT64_MAX;
  for (int r = 0; r < ROUNDS; r++) {
    long sum = 0;
    uint64_t t = cycles();
    for (int i = 0; i < CALLS; i++)
      sum += strtol(text[i % POOL], NULL, 0);
    t = cycles() - t;
    sink_l = sum;
    if (t < best)
      best = t;
  }
  report("strtol", best, CALLS);

  best = UINT64_MAX;
  for (int r = 0; r < 3; r++) {
    for (int i = 0; i < N; i++)
      data[i] = (int)next();
    uint64_t t = cycles();
    qsort(data, N, sizeof(int), cmp_int);
    t = cycles() - t;
    if (t < best)
      best = t;
  }
  for (int i = 1; i < N; i++)
    if (data[i - 1] > data[i])
      return 1;
  report("qsort", best, N);
  return 0;
}
