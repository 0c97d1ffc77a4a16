/* stdio throughput, built against each C library by run.sh. Times are in
 * TSC cycles, the best of several rounds; results go to stderr as
 * "name tenths-of-cycles-per-op", because stdin and stdout carry the
 * data of the FILE benchmarks (run.sh redirects them to files: a program
 * started without cloudabi-run gets descriptors 0-2 only).
 *
 *   bench format        snprintf of %d, %s, %.17g and large %f
 *   bench write4k|write1  100 MiB to stdout in 4 KiB / 1-byte fwrites
 *   bench read4k|read1    all of stdin in 4 KiB / 1-byte freads
 *   bench fgets           all of stdin, line by line */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

/* The mode names (strcmp may not be in every library under test). */
static int is(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) a++, b++;
  return *a == *b;
}

static void report(const char *name, uint64_t best, uint64_t ops) {
  fprintf(stderr, "%s %llu\n", name, (unsigned long long)(best * 10 / ops));
}

#define POOL 4096
#define CALLS 1000000
static int ints[POOL];
static double doubles[POOL], bigs[POOL];
static char strings[POOL][24];
static volatile int sink;

static void format(void) {
  for (int i = 0; i < POOL; i++) {
    ints[i] = (int)next();
    if (i % 3 == 0) ints[i] %= 1000;
    uint64_t bits = next() & ~(0x7ffULL << 52);
    bits |= (uint64_t)(1023 - 60 + next() % 120) << 52;
    memcpy(&doubles[i], &bits, 8);
    bigs[i] = (double)(next() % 1000000) * 1e15 * (double)(1 + i % 1000);
    int n = 1 + (int)(next() % 20);
    for (int k = 0; k < n; k++) strings[i][k] = 'a' + next() % 26;
    strings[i][n] = '\0';
  }
  char buf[512];
  const char *names[] = {"snprintf_d", "snprintf_s", "snprintf_g17", "snprintf_f"};
  for (int which = 0; which < 4; which++) {
    uint64_t best = UINT64_MAX;
    for (int r = 0; r < 5; r++) {
      int total = 0;
      uint64_t t = cycles();
      for (int i = 0; i < CALLS; i++) {
        int k = i % POOL;
        switch (which) {
          case 0: total += snprintf(buf, sizeof(buf), "%d", ints[k]); break;
          case 1: total += snprintf(buf, sizeof(buf), "%s", strings[k]); break;
          case 2: total += snprintf(buf, sizeof(buf), "%.17g", doubles[k]); break;
          default: total += snprintf(buf, sizeof(buf), "%f", bigs[k]); break;
        }
      }
      t = cycles() - t;
      sink = total;
      if (t < best) best = t;
    }
    report(names[which], best, CALLS);
  }
}

#define TOTAL (100u << 20)

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "format";
  static char block[4096];
  memset(block, 'x', sizeof(block));
  uint64_t t = cycles();
  uint64_t ops = 0;
  if (is(mode, "format")) {
    format();
    return 0;
  } else if (is(mode, "write4k")) {
    for (unsigned n = 0; n < TOTAL; n += sizeof(block), ops++) fwrite(block, 1, sizeof(block), stdout);
    fflush(stdout);
  } else if (is(mode, "write1")) {
    for (unsigned n = 0; n < TOTAL; n++, ops++) fwrite(block + n % 64, 1, 1, stdout);
    fflush(stdout);
  } else if (is(mode, "read4k")) {
    size_t got;
    while ((got = fread(block, 1, sizeof(block), stdin)) > 0) ops++, sink += block[got - 1];
  } else if (is(mode, "read1")) {
    while (fread(block, 1, 1, stdin) == 1) ops++, sink += block[0];
  } else if (is(mode, "fgets")) {
    while (fgets(block, sizeof(block), stdin) != NULL) ops++, sink += block[0];
  } else {
    return 2;
  }
  t = cycles() - t;
  /* Per op for 4 KiB and lines; per byte otherwise (tenths of cycles). */
  report(mode, t, ops ? ops : 1);
  return ferror(stdout) || ferror(stdin);
}
