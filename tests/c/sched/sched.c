/* sched_yield works; the scheduling compat interface describes one policy
 * with one priority and refuses changes. */
#include <sched.h>
#include "test.h"

int main(void) {
  CHECK_EQ(sched_yield(), 0);
  CHECK_EQ(sched_get_priority_min(SCHED_OTHER), 0);
  CHECK_EQ(sched_get_priority_max(SCHED_RR), 0);
  CHECK_ERRNO(sched_get_priority_max(42), EINVAL);
  CHECK_EQ(sched_getscheduler(0), SCHED_OTHER);
  CHECK_ERRNO(sched_getscheduler(12345), ESRCH);
  struct sched_param p = {5};
  CHECK_EQ(sched_getparam(0, &p), 0);
  CHECK_EQ(p.sched_priority, 0);
  CHECK_ERRNO(sched_setparam(0, &p), EPERM);
  CHECK_ERRNO(sched_setscheduler(0, SCHED_FIFO, &p), EPERM);
  struct timespec q = {1, 1};
  CHECK_EQ(sched_rr_get_interval(0, &q), 0);
  CHECK_EQ(q.tv_sec + q.tv_nsec, 0);
  return test_summary();
}
