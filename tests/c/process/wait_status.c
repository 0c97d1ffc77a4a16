/* The W* macros decode wait statuses (from <stdlib.h> and <sys/wait.h>
 * alike): exit code in bits 8-15, terminating signal in bits 0-6,
 * 0x7f for a stopped process. */
#include "test.h"
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
  int exited = 3 << 8;
  CHECK(WIFEXITED(exited));
  CHECK_EQ(WEXITSTATUS(exited), 3);
  CHECK(!WIFSIGNALED(exited));
  CHECK(!WIFSTOPPED(exited));

  int killed = SIGTERM;
  CHECK(!WIFEXITED(killed));
  CHECK(WIFSIGNALED(killed));
  CHECK_EQ(WTERMSIG(killed), SIGTERM);
  CHECK(!WCOREDUMP(killed));
  CHECK(WCOREDUMP(SIGABRT | 0x80));

  int stopped = (SIGTSTP << 8) | 0x7f;
  CHECK(WIFSTOPPED(stopped));
  CHECK_EQ(WSTOPSIG(stopped), SIGTSTP);
  CHECK(!WIFSIGNALED(stopped));
  CHECK(!WIFEXITED(stopped));

  CHECK(WIFCONTINUED(0xffff));
  CHECK(!WIFCONTINUED(exited));
  return test_summary();
}
