/* What the differential twins of the math headers (math_diff/twin.c,
 * complex_diff/twin.c) share: a seeded pseudo-random generator, and
 * buffered output of the records that tests/src/ulps.rs reads: name, NUL,
 * kind ('d' double, 'f' float, 'l' long double in 16 bytes, 'i' 64-bit
 * integer), count (8 bytes), values. Only write(2), memcpy and strlen:
 * both builds must draw the same inputs, and the program runs before stdio
 * exists. */
#ifndef TWIN_H
#define TWIN_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TWIN_SEED 0x9e3779b97f4a7c15u

static uint64_t state = TWIN_SEED;

static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static double unit(void) { return (double)(next() >> 11) * 0x1p-53; }
static double uniform(double a, double b) { return a + (b - a) * unit(); }

static char buf[1 << 16];
static size_t fill;

static void flush(void) {
  size_t off = 0;
  while (off < fill) {
    ssize_t n = write(1, buf + off, fill - off);
    if (n <= 0) abort();
    off += (size_t)n;
  }
  fill = 0;
}

static void out(const void *p, size_t n) {
  if (fill + n > sizeof(buf)) flush();
  memcpy(buf + fill, p, n);
  fill += n;
}

static void header(const char *name, char kind, uint64_t count) {
  out(name, strlen(name) + 1);
  out(&kind, 1);
  out(&count, 8);
}

#endif
