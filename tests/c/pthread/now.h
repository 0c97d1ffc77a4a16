/* Clock readings for the timed-wait tests, from the CloudABI clock call
 * (<time.h> is not there yet). clockid_t numbers clocks as CloudABI does. */
#ifndef TEST_NOW_H
#define TEST_NOW_H

#include <_/timespec.h>
#include <cloudabi_syscalls.h>

#define NOW_MONOTONIC CLOUDABI_CLOCK_MONOTONIC
#define NOW_REALTIME CLOUDABI_CLOCK_REALTIME

/* Nanoseconds on `clock`. */
static inline long long now_ns(cloudabi_clockid_t clock) {
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(clock, 1, &t);
  return (long long)t;
}

/* The time `ns` from now on `clock`, as an absolute timespec. */
static inline struct timespec now_plus(cloudabi_clockid_t clock, long long ns) {
  long long t = now_ns(clock) + ns;
  struct timespec ts = {t / 1000000000, t % 1000000000};
  return ts;
}

#endif
