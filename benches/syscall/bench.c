/* Cost of emulated CloudABI calls against the raw Linux calls they wrap,
 * measured in the same process: a 1-byte read, and opening (then closing)
 * a file beneath a directory descriptor. Run by run.sh under cloudabi-run
 * with stdin = /dev/zero and descriptor 3 = a directory holding "f". */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

typedef unsigned long long u64;
extern __thread int errno;

/* The CloudABI clock, declared here so the benchmark needs no time.h. */
unsigned short cloudabi_sys_clock_time_get(unsigned int, u64, u64 *);

static u64 now(void) {
  u64 t = 0;
  cloudabi_sys_clock_time_get(1 /* MONOTONIC */, 0, &t);
  return t;
}

static long raw3(long n, long a, long b, long c) {
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}

static long raw4(long n, long a, long b, long c, long d) {
  long r;
  register long r10 __asm__("r10") = d;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
  return r;
}

static void out(const char *s) { write(1, s, strlen(s)); }

static void num(u64 v) {
  char b[24];
  int i = sizeof(b);
  do {
    b[--i] = '0' + v % 10;
    v /= 10;
  } while (v);
  write(1, b + i, sizeof(b) - i);
}

/* Prints "name: X ns emulated, Y ns raw, ratio R.RR". */
static void report(const char *name, u64 emu, u64 raw, u64 n) {
  out(name);
  out(": ");
  num(emu / n);
  out(" ns emulated, ");
  num(raw / n);
  out(" ns raw Linux, ratio ");
  u64 r = raw ? emu * 100 / raw : 0;
  num(r / 100);
  out(".");
  if (r % 100 < 10) out("0");
  num(r % 100);
  out("\n");
}

int main(void) {
  char c;
  const u64 n_read = 1000000, n_open = 200000;
  u64 t0 = now();
  for (u64 i = 0; i < n_read; i++)
    if (read(0, &c, 1) != 1) return 1;
  u64 t1 = now();
  for (u64 i = 0; i < n_read; i++)
    if (raw3(0 /* read */, 0, (long)&c, 1) != 1) return 2;
  u64 t2 = now();
  report("fd_read of 1 byte", t1 - t0, t2 - t1, n_read);

  t0 = now();
  for (u64 i = 0; i < n_open; i++) {
    int fd = openat(3, "f", O_RDONLY);
    if (fd < 0) return 3;
    close(fd);
  }
  t1 = now();
  for (u64 i = 0; i < n_open; i++) {
    long fd = raw4(257 /* openat */, 3, (long)"f", 0 /* O_RDONLY */, 0);
    if (fd < 0) return 4;
    raw3(3 /* close */, fd, 0, 0);
  }
  t2 = now();
  report("openat+close", t1 - t0, t2 - t1, n_open);
  return 0;
}
