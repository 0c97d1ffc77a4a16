/* Handlers run synchronously when the process raises a signal on itself;
 * blocked signals wait until unblocked; SIG_IGN and default-ignored
 * signals do nothing; other processes cannot be signalled. */
#include "test.h"
#include <signal.h>

static volatile sig_atomic_t hits, last, info_sig, nested_blocked;

static void handler(int sig) {
  hits++;
  last = sig;
  sigset_t cur;
  sigprocmask(SIG_BLOCK, NULL, &cur);
  nested_blocked = sigismember(&cur, sig);
}

static void info_handler(int sig, siginfo_t *si, void *ctx) {
  (void)ctx;
  info_sig = si->si_signo == sig ? sig : -1;
}

int main(void) {
  CHECK(signal(SIGUSR1, handler) == SIG_DFL);
  CHECK_EQ(raise(SIGUSR1), 0);
  CHECK_EQ(hits, 1);
  CHECK_EQ(last, SIGUSR1);
  CHECK_EQ(nested_blocked, 1);
  CHECK_EQ(kill(getpid(), SIGUSR1), 0);
  CHECK_EQ(hits, 2);

  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  CHECK_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
  CHECK_EQ(raise(SIGUSR1), 0);
  CHECK_EQ(hits, 2);
  sigset_t pend;
  CHECK_EQ(sigpending(&pend), 0);
  CHECK_EQ(sigismember(&pend, SIGUSR1), 1);
  CHECK_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);
  CHECK_EQ(hits, 3);

  CHECK(signal(SIGUSR1, SIG_IGN) == handler);
  CHECK_EQ(raise(SIGUSR1), 0);
  CHECK_EQ(hits, 3);
  CHECK_EQ(raise(SIGCHLD), 0);

  struct sigaction sa = {0};
  sa.sa_sigaction = info_handler;
  sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
  CHECK_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
  CHECK_EQ(raise(SIGUSR2), 0);
  CHECK_EQ(info_sig, SIGUSR2);
  struct sigaction now;
  CHECK_EQ(sigaction(SIGUSR2, NULL, &now), 0);
  CHECK(now.sa_handler == SIG_DFL);

  CHECK_ERRNO(sigaction(SIGKILL, &sa, NULL), EINVAL);
  CHECK_ERRNO(raise(0), EINVAL);
  CHECK_ERRNO(raise(NSIG), EINVAL);
  CHECK_ERRNO(kill(42, SIGTERM), EPERM);
  CHECK_EQ(kill(getpid(), 0), 0);
  CHECK(signal(99, handler) == SIG_ERR);

  sigfillset(&set);
  CHECK_EQ(sigismember(&set, SIGTERM), 1);
  CHECK_EQ(sigdelset(&set, SIGTERM), 0);
  CHECK_EQ(sigismember(&set, SIGTERM), 0);
  CHECK_ERRNO(sigaddset(&set, 100), EINVAL);
  return test_summary();
}
