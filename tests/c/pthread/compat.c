/* The compat thread functions: cancellation (unsupported: ENOSYS, states
 * recorded), scheduling attributes (one policy, one priority), guard size,
 * names, pthread_getattr_np, CPU-time clocks, concurrency, atfork, and the
 * signal mask and pthread_kill. */
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include "test.h"

static volatile int got;
static void handler(int sig) { got = sig; }

static void *named(void *arg) {
  (void)arg;
  while (!got) sched_yield();
  return NULL;
}

int main(void) {
  int old = -1;
  CHECK_EQ(pthread_cancel(pthread_self()), ENOSYS);
  CHECK_EQ(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old), 0);
  CHECK_EQ(old, PTHREAD_CANCEL_ENABLE);
  CHECK_EQ(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old), 0);
  CHECK_EQ(old, PTHREAD_CANCEL_DISABLE);
  CHECK_EQ(pthread_setcancelstate(7, &old), EINVAL);
  CHECK_EQ(pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old), 0);
  CHECK_EQ(old, PTHREAD_CANCEL_DEFERRED);
  pthread_testcancel();

  pthread_attr_t a;
  struct sched_param sp = {0};
  int v;
  size_t size;
  CHECK_EQ(pthread_attr_init(&a), 0);
  CHECK_EQ(pthread_attr_getguardsize(&a, &size), 0);
  CHECK(size > 0);
  CHECK_EQ(pthread_attr_setguardsize(&a, 3 * 4096), 0);
  CHECK_EQ(pthread_attr_getguardsize(&a, &size), 0);
  CHECK_EQ(size, 3 * 4096);
  CHECK_EQ(pthread_attr_getschedpolicy(&a, &v), 0);
  CHECK_EQ(v, SCHED_OTHER);
  CHECK_EQ(pthread_attr_setschedpolicy(&a, SCHED_FIFO), ENOTSUP);
  sp.sched_priority = 3;
  CHECK_EQ(pthread_attr_setschedparam(&a, &sp), ENOTSUP);
  CHECK_EQ(pthread_attr_getschedparam(&a, &sp), 0);
  CHECK_EQ(sp.sched_priority, 0);
  CHECK_EQ(pthread_attr_setscope(&a, PTHREAD_SCOPE_SYSTEM), 0);
  CHECK_EQ(pthread_attr_setscope(&a, PTHREAD_SCOPE_PROCESS), ENOTSUP);
  CHECK_EQ(pthread_attr_getscope(&a, &v), 0);
  CHECK_EQ(v, PTHREAD_SCOPE_SYSTEM);
  CHECK_EQ(pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED), ENOTSUP);
  CHECK_EQ(pthread_attr_getinheritsched(&a, &v), 0);
  CHECK_EQ(v, PTHREAD_INHERIT_SCHED);
  CHECK_EQ(pthread_attr_setstacksize(&a, 256 * 1024), 0);

  pthread_t t;
  CHECK_EQ(pthread_create(&t, &a, named, NULL), 0);
  char name[16] = "unset";
  CHECK_EQ(pthread_getname_np(t, name, sizeof(name)), 0);
  CHECK_STR(name, "");
  CHECK_EQ(pthread_setname_np(t, "worker-1"), 0);
  CHECK_EQ(pthread_setname_np(t, "a name that is too long"), ERANGE);
  CHECK_EQ(pthread_getname_np(t, name, 4), ERANGE);
  CHECK_EQ(pthread_getname_np(t, name, sizeof(name)), 0);
  CHECK_STR(name, "worker-1");
  pthread_attr_t got_attr;
  void *addr;
  CHECK_EQ(pthread_getattr_np(t, &got_attr), 0);
  CHECK_EQ(pthread_attr_getstack(&got_attr, &addr, &size), 0);
  CHECK_EQ(size, 256 * 1024);
  CHECK(addr != NULL);
  CHECK_EQ(pthread_attr_getguardsize(&got_attr, &size), 0);
  CHECK_EQ(size, 3 * 4096);

  clockid_t clk, mine;
  CHECK_EQ(pthread_getcpuclockid(t, &clk), 0);
  CHECK_EQ(pthread_getcpuclockid(pthread_self(), &mine), 0);
  CHECK(clk != mine && mine != CLOCK_THREAD_CPUTIME_ID);
  CHECK_EQ(pthread_getschedparam(t, &v, &sp), 0);
  CHECK_EQ(v, SCHED_OTHER);
  CHECK_EQ(pthread_setschedparam(t, SCHED_RR, &sp), ENOTSUP);
  CHECK_EQ(pthread_setschedprio(t, 0), 0);
  CHECK_EQ(pthread_setschedprio(t, 1), EINVAL);
  CHECK_EQ(pthread_getconcurrency(), 0);
  CHECK_EQ(pthread_setconcurrency(4), 0);
  CHECK_EQ(pthread_getconcurrency(), 4);
  CHECK_EQ(pthread_setconcurrency(-1), EINVAL);
  CHECK_EQ(pthread_atfork(NULL, NULL, NULL), 0);

  /* pthread_kill of the calling thread is synchronous (other threads:
   * kill.c); the mask is sigprocmask's. */
  signal(SIGUSR1, handler);
  CHECK_EQ(pthread_kill(t, 0), 0);
  CHECK_EQ(pthread_kill(pthread_self(), 999), EINVAL);
  sigset_t set, prev;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  CHECK_EQ(pthread_sigmask(SIG_BLOCK, &set, &prev), 0);
  CHECK_EQ(pthread_kill(pthread_self(), SIGUSR1), 0);
  CHECK_EQ(got, 0);
  CHECK_EQ(pthread_sigmask(99, &set, NULL), EINVAL);
  CHECK_EQ(pthread_sigmask(SIG_SETMASK, &prev, NULL), 0);
  CHECK_EQ(got, SIGUSR1);
  CHECK_EQ(pthread_join(t, NULL), 0);
  return test_summary();
}
