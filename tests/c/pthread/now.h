/* Clock readings for the timed-wait tests. Until <time.h> exists they come
 * straight from the CloudABI clock_time_get call (clock ids: 1 monotonic,
 * 3 realtime, as clockid_t numbers them). */
#ifndef TEST_NOW_H
#define TEST_NOW_H

#include <_/timespec.h>

#define NOW_MONOTONIC 1
#define NOW_REALTIME 3

unsigned short cloudabi_sys_clock_time_get(unsigned int, unsigned long long, unsigned long long *);

/* Nanoseconds on `clock`. */
static inline long long now_ns(unsigned int clock) {
  unsigned long long t = 0;
  cloudabi_sys_clock_time_get(clock, 1, &t);
  return (long long)t;
}

/* The time `ns` from now on `clock`, as an absolute timespec. */
static inline struct timespec now_plus(unsigned int clock, long long ns) {
  long long t = now_ns(clock) + ns;
  struct timespec ts = {t / 1000000000, t % 1000000000};
  return ts;
}

#endif
