/* clock_gettime and clock_getres on every clock, time, clock,
 * timespec_get, gettimeofday, times, the sleeps, and select's timeout. */
#include "test.h"
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

static long long mono(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return ns(t);
}

int main(void) {
  clockid_t clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID};
  for (int i = 0; i < 4; i++) {
    struct timespec t = {-1, -1}, r = {-1, -1};
    CHECK_EQ(clock_gettime(clocks[i], &t), 0);
    CHECK(t.tv_sec >= 0 && t.tv_nsec >= 0 && t.tv_nsec < 1000000000);
    CHECK_EQ(clock_getres(clocks[i], &r), 0);
    CHECK(ns(r) > 0 && ns(r) <= 1000000);
  }
  CHECK_EQ(clock_getres(CLOCK_MONOTONIC, NULL), 0);
  struct timespec t = {0, 0};
  CHECK_ERRNO(clock_gettime((clockid_t)99, &t), EINVAL);
  CHECK_ERRNO(clock_getres((clockid_t)0, &t), EINVAL);

  CHECK_ERRNO(clock_settime(CLOCK_REALTIME, &t), EPERM);
  CHECK_ERRNO(clock_settime((clockid_t)99, &t), EINVAL);
  clockid_t cpu = 0;
  CHECK_EQ(clock_getcpuclockid(0, &cpu), 0);
  CHECK_EQ(cpu, CLOCK_PROCESS_CPUTIME_ID);
  CHECK_EQ(clock_getcpuclockid(42, &cpu), ESRCH);

  time_t now = time(NULL), now2;
  CHECK(now > 1600000000);
  CHECK(time(&now2) >= now && now2 >= now);
  CHECK_EQ(timespec_get(&t, TIME_UTC), TIME_UTC);
  CHECK(t.tv_sec >= now);
  CHECK_EQ(timespec_get(&t, 0), 0);
  struct timeval tv;
  CHECK_EQ(gettimeofday(&tv, NULL), 0);
  CHECK(tv.tv_sec >= now && tv.tv_usec >= 0 && tv.tv_usec < 1000000);
  CHECK_EQ(gettimeofday(&tv), 0); /* cloudlibc: the second argument is optional */

  volatile unsigned spin = 0;
  for (unsigned i = 0; i < 20000000; i++) spin += i;
  CHECK(clock() > 0);
  struct tms tm;
  CHECK(times(&tm) > 0);
  CHECK(tm.tms_utime >= 0 && tm.tms_cutime == 0);
  CHECK(difftime(10, 4) == 6.0);

  long long a = mono();
  struct timespec d = {0, 20000000};
  CHECK_EQ(nanosleep(&d, NULL), 0);
  CHECK(mono() - a >= 20000000);
  CHECK_EQ(nanosleep(&d), 0); /* cloudlibc: the remainder is optional */
  struct timespec badns = {0, 1000000000};
  CHECK_ERRNO(nanosleep(&badns, NULL), EINVAL);
  struct timespec negative = {-1, 0};
  CHECK_ERRNO(nanosleep(&negative, NULL), EINVAL);

  a = mono();
  CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL), 0);
  CHECK(mono() - a >= 20000000);
  struct timespec until;
  clock_gettime(CLOCK_MONOTONIC, &until);
  until.tv_nsec += 30000000;
  if (until.tv_nsec >= 1000000000) {
    until.tv_nsec -= 1000000000;
    until.tv_sec++;
  }
  CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL), 0);
  CHECK(mono() >= ns(until));
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec -= 1; /* already past: returns at once */
  CHECK_EQ(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &until, NULL), 0);
  CHECK_EQ(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &d, NULL), EINVAL);
  CHECK_EQ(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &d, NULL), ENOTSUP);
  CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &badns, NULL), EINVAL);

  a = mono();
  CHECK_EQ(usleep(10000), 0);
  CHECK(mono() - a >= 10000000);
  CHECK_EQ(sleep(0), 0);

  /* select with only a timeout sleeps; with a ready descriptor it returns. */
  struct timeval to = {0, 20000};
  a = mono();
  CHECK_EQ(select(0, NULL, NULL, NULL, &to), 0);
  CHECK(mono() - a >= 20000000);
  int p[2];
  CHECK_EQ(pipe(p), 0);
  fd_set r, w;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_SET(p[0], &r);
  FD_SET(p[1], &w);
  FD_SET(p[1], &w);
  CHECK(FD_ISSET(p[0], &r) && !FD_ISSET(p[1], &r));
  to.tv_usec = 0;
  CHECK_EQ(select(p[1] + 1, &r, &w, NULL, &to), 1);
  CHECK(!FD_ISSET(p[0], &r) && FD_ISSET(p[1], &w));
  CHECK_EQ(write(p[1], "x", 1), 1);
  FD_SET(p[0], &r);
  CHECK_EQ(select(p[1] + 1, &r, NULL, NULL, NULL), 1);
  CHECK(FD_ISSET(p[0], &r));
  fd_set copy;
  FD_COPY(&r, &copy);
  CHECK(FD_ISSET(p[0], &copy));
  FD_CLR(p[0], &copy);
  CHECK(!FD_ISSET(p[0], &copy));
  FD_SET(55, &r);
  CHECK_ERRNO(select(56, &r, NULL, NULL, &to), EBADF);
  to.tv_usec = 1000000;
  CHECK_ERRNO(select(0, NULL, NULL, NULL, &to), EINVAL);
  CHECK_ERRNO(select(-1, NULL, NULL, NULL, NULL), EINVAL);
  return test_summary();
}
