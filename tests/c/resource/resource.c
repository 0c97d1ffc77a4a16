/* Fixed resource limits that cannot be changed, CPU time in getrusage,
 * and a niceness the process may raise, never lower. */
#include "test.h"
#include <sys/resource.h>

int main(void) {
  struct rlimit rl;
  CHECK_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
  CHECK_EQ(rl.rlim_cur, 4096);
  CHECK_EQ(rl.rlim_max, 4096);
  CHECK_EQ(sysconf(_SC_OPEN_MAX), 4096);
  CHECK_EQ(getrlimit(RLIMIT_STACK, &rl), 0);
  CHECK_EQ(rl.rlim_cur, 8 << 20);
  CHECK_EQ(getrlimit(RLIMIT_CORE, &rl), 0);
  CHECK(rl.rlim_cur == RLIM_INFINITY && rl.rlim_max == RLIM_INFINITY);
  CHECK_EQ(getrlimit(RLIMIT_AS, &rl), 0);
  CHECK(rl.rlim_cur == RLIM_INFINITY);
  CHECK_ERRNO(getrlimit(99, &rl), EINVAL);

  rl.rlim_cur = rl.rlim_max = 4096;
  CHECK_EQ(setrlimit(RLIMIT_NOFILE, &rl), 0);
  rl.rlim_cur = 100;
  CHECK_ERRNO(setrlimit(RLIMIT_NOFILE, &rl), EPERM);
  rl.rlim_cur = 5000;
  CHECK_ERRNO(setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
  rl.rlim_cur = rl.rlim_max = RLIM_INFINITY;
  CHECK_EQ(setrlimit(RLIMIT_CPU, &rl), 0);
  rl.rlim_cur = 10;
  CHECK_ERRNO(setrlimit(RLIMIT_CPU, &rl), EPERM);

  struct rusage before, after;
  CHECK_EQ(getrusage(RUSAGE_SELF, &before), 0);
  volatile unsigned long spin = 0;
  for (unsigned long i = 0; i < 50000000; i++) spin += i;
  CHECK_EQ(getrusage(RUSAGE_SELF, &after), 0);
  long long us0 = before.ru_utime.tv_sec * 1000000LL + before.ru_utime.tv_usec;
  long long us1 = after.ru_utime.tv_sec * 1000000LL + after.ru_utime.tv_usec;
  CHECK(us1 > us0);
  CHECK(after.ru_utime.tv_usec >= 0 && after.ru_utime.tv_usec < 1000000);
  CHECK_EQ(after.ru_maxrss, 0);
  struct rusage kids;
  CHECK_EQ(getrusage(RUSAGE_CHILDREN, &kids), 0);
  CHECK_EQ(kids.ru_utime.tv_sec + kids.ru_utime.tv_usec, 0);
  CHECK_ERRNO(getrusage(0, &kids), EINVAL);

  /* The niceness this was started with, whatever it is. */
  errno = 0;
  int base = getpriority(PRIO_PROCESS, 0);
  CHECK_EQ(errno, 0);
  CHECK(base >= -20 && base <= 19);
  CHECK_EQ(getpriority(PRIO_PROCESS, getpid()), base);
  CHECK_EQ(getpriority(PRIO_USER, getuid()), base);
  CHECK_ERRNO(getpriority(PRIO_PROCESS, 42), ESRCH);
  CHECK_ERRNO(getpriority(9, 0), EINVAL);
  CHECK_EQ(setpriority(PRIO_PGRP, 0, base), 0);
  if (base < 19) {
    CHECK_EQ(setpriority(PRIO_PROCESS, getpid(), base + 1), 0);
    CHECK_EQ(getpriority(PRIO_PROCESS, 0), base + 1);
    CHECK_ERRNO(setpriority(PRIO_PROCESS, 0, base), EACCES);
    CHECK_EQ(getpriority(PRIO_PROCESS, 0), base + 1);
  }
  if (base > -20) CHECK_ERRNO(setpriority(PRIO_PROCESS, 0, -20), EACCES);
  CHECK_ERRNO(setpriority(PRIO_PROCESS, 42, 19), ESRCH);
  CHECK_EQ(setpriority(PRIO_PROCESS, 0, 100), 0);
  CHECK_EQ(getpriority(PRIO_PROCESS, 0), 19);
  return test_summary();
}
