/* String-function benchmark: the time per call of memcpy, memmove, memset,
 * memcmp, strlen, memchr, strchr and strcmp at sizes from 8 bytes to 1 MiB.
 * The same source is built against this library (cloudabi-cc), glibc and
 * musl by run.sh. Output: one line "function size picoseconds" per case, the
 * best of several timed runs of a calibrated number of calls.
 *
 * Calls go through volatile function pointers and the build uses
 * -fno-builtin, so the compiler neither inlines nor elides them. */
#include <string.h>
#include <unistd.h>

#ifdef __CloudABI__
/* The libc has no clock_gettime yet: ask the system call directly. */
unsigned short cloudabi_sys_clock_time_get(unsigned int clock, unsigned long long precision,
                                           unsigned long long *time);
static unsigned long long now_ns(void) {
  unsigned long long t = 0;
  cloudabi_sys_clock_time_get(1 /* CLOUDABI_CLOCK_MONOTONIC */, 1, &t);
  return t;
}
#else
#include <time.h>
static unsigned long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}
#endif

#define MAX (1 << 20)
/* The second operand sits 5 bytes into its buffer, so two-pointer
 * functions see differently aligned operands, as in real programs. */
#define SKEW 5

static unsigned char buf_a[MAX + 4096] __attribute__((aligned(4096)));
static unsigned char buf_b[MAX + 4096] __attribute__((aligned(4096)));

static void *(*volatile p_memcpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile p_memmove)(void *, const void *, size_t) = memmove;
static void *(*volatile p_memset)(void *, int, size_t) = memset;
static int (*volatile p_memcmp)(const void *, const void *, size_t) = memcmp;
static size_t (*volatile p_strlen)(const char *) = strlen;
static void *(*volatile p_memchr)(const void *, int, size_t) = memchr;
static char *(*volatile p_strchr)(const char *, int) = strchr;
static int (*volatile p_strcmp)(const char *, const char *) = strcmp;

static volatile unsigned long sink;

enum { MEMCPY, MEMMOVE, MEMSET, MEMCMP, STRLEN, MEMCHR, STRCHR, STRCMP, NFUNC };
static const char *const names[NFUNC] = {"memcpy", "memmove", "memset", "memcmp",
                                         "strlen", "memchr", "strchr", "strcmp"};

/* Makes the inputs: for the string functions a string of n - 1 'a's and
 * its terminator (so that n bytes are scanned), in both buffers; memchr
 * finds its byte in the last position. */
static void setup(int f, size_t n) {
  unsigned char *a = buf_a, *b = buf_b + SKEW;
  for (size_t i = 0; i < n; i++) a[i] = b[i] = 'a';
  if (f == STRLEN || f == STRCHR || f == STRCMP) a[n - 1] = b[n - 1] = 0;
  if (f == MEMCHR) a[n - 1] = 'z';
}

/* Runs `reps` calls and returns the elapsed nanoseconds. */
static unsigned long long run(int f, size_t n, unsigned long reps) {
  unsigned char *a = buf_a, *b = buf_b + SKEW;
  unsigned long acc = 0;
  unsigned long long t0 = now_ns();
  switch (f) {
  case MEMCPY: {
    void *(*fn)(void *, const void *, size_t) = p_memcpy;
    for (unsigned long r = 0; r < reps; r++) acc += (unsigned long)fn(a, b, n);
    break;
  }
  case MEMMOVE: {
    /* Overlapping, destination above the source: a backward copy. */
    void *(*fn)(void *, const void *, size_t) = p_memmove;
    for (unsigned long r = 0; r < reps; r++) acc += (unsigned long)fn(a + 8, a, n);
    break;
  }
  case MEMSET: {
    void *(*fn)(void *, int, size_t) = p_memset;
    for (unsigned long r = 0; r < reps; r++) acc += (unsigned long)fn(a, (int)r, n);
    break;
  }
  case MEMCMP: {
    int (*fn)(const void *, const void *, size_t) = p_memcmp;
    for (unsigned long r = 0; r < reps; r++) acc += (unsigned long)fn(a, b, n);
    break;
  }
  case STRLEN: {
    size_t (*fn)(const char *) = p_strlen;
    for (unsigned long r = 0; r < reps; r++) acc += fn((const char *)a);
    break;
  }
  case MEMCHR: {
    void *(*fn)(const void *, int, size_t) = p_memchr;
    for (unsigned long r = 0; r < reps; r++) acc += (unsigned long)fn(a, 'z', n);
    break;
  }
  case STRCHR: {
    char *(*fn)(const char *, int) = p_strchr;
    for (unsigned long r = 0; r < reps; r++) acc += (unsigned long)fn((const char *)a, 'z');
    break;
  }
  case STRCMP: {
    int (*fn)(const char *, const char *) = p_strcmp;
    for (unsigned long r = 0; r < reps; r++) acc += (unsigned long)fn((const char *)a, (const char *)b);
    break;
  }
  }
  unsigned long long t = now_ns() - t0;
  sink = acc;
  return t;
}

static void put(const char *s) { write(1, s, strlen(s)); }

static void put_num(unsigned long long v) {
  char d[24];
  int i = sizeof(d);
  do {
    d[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  write(1, d + i, sizeof(d) - i);
}

static int same(const char *a, const char *b) {
  while (*a != 0 && *a == *b) a++, b++;
  return *a == *b;
}

static size_t number(const char *s) {
  size_t v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (size_t)(*s++ - '0');
  return v;
}

/* Arguments, both optional: a function name and a size, to run only those. */
int main(int argc, char **argv) {
  static const size_t sizes[] = {8, 64, 512, 4096, 65536, 1 << 20};
  for (int f = 0; f < NFUNC; f++) {
    if (argc > 1 && !same(argv[1], names[f])) continue;
    for (unsigned s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
      size_t n = argc > 2 ? number(argv[2]) : sizes[s];
      if (argc > 2 && s > 0) break;
      setup(f, n);
      /* Calibrate: double the calls until one run takes 2 ms. */
      unsigned long reps = 1;
      while (run(f, n, reps) < 2000000) reps *= 2;
      unsigned long long best = ~0ull;
      for (int t = 0; t < 5; t++) {
        unsigned long long ns = run(f, n, reps);
        if (ns < best) best = ns;
      }
      put(names[f]);
      put(" ");
      put_num(n);
      put(" ");
      put_num(best * 1000 / reps);
      put("\n");
    }
  }
  return 0;
}
