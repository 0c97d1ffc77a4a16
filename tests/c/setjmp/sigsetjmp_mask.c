/* sigsetjmp with savemask saves the blocked set and siglongjmp restores it,
 * delivering a signal raised while it was blocked; without savemask the
 * mask is left alone. */
#include "test.h"
#include <setjmp.h>
#include <signal.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

int main(void) {
  signal(SIGUSR1, handler);
  sigset_t usr1, cur;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);

  sigjmp_buf env;
  volatile int jumped = 0;
  if (sigsetjmp(env, 1) == 0) {
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    raise(SIGUSR1);
    CHECK_EQ(hits, 0);
    jumped = 1;
    siglongjmp(env, 7);
  }
  CHECK_EQ(jumped, 1);
  CHECK_EQ(hits, 1);
  sigprocmask(SIG_BLOCK, NULL, &cur);
  CHECK_EQ(sigismember(&cur, SIGUSR1), 0);

  sigjmp_buf env2;
  volatile int second = 0;
  if (sigsetjmp(env2, 0) == 0) {
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    second = 1;
    siglongjmp(env2, 1);
  }
  CHECK_EQ(second, 1);
  sigprocmask(SIG_BLOCK, NULL, &cur);
  CHECK_EQ(sigismember(&cur, SIGUSR1), 1);
  return test_summary();
}
