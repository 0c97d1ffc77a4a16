/* Processes cannot be created here: fork, vfork and the exec family fail
 * with ENOSYS and leave the program running; there is never a child, so
 * every wait fails with ECHILD; system(NULL) reports no shell, popen
 * fails and pclose finds no child. */
#include "test.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

/* <stdio.h> does not declare these yet. */
FILE *popen(const char *, const char *);
int pclose(FILE *);

int main(void) {
  char *argv[] = {"true", NULL};
  char *envp[] = {NULL};

  CHECK_ERRNO(fork(), ENOSYS);
  CHECK_ERRNO(vfork(), ENOSYS);
  CHECK_ERRNO(execve("/bin/true", argv, envp), ENOSYS);
  CHECK_ERRNO(execv("/bin/true", argv), ENOSYS);
  CHECK_ERRNO(execvp("true", argv), ENOSYS);
  CHECK_ERRNO(execl("/bin/true", "true", (char *)NULL), ENOSYS);
  CHECK_ERRNO(execle("/bin/true", "true", (char *)NULL, envp), ENOSYS);
  CHECK_ERRNO(execlp("true", "true", "a", "b", "c", "d", "e", "f", (char *)NULL), ENOSYS);
  CHECK_ERRNO(fexecve(TEST_DIR_FD, argv, envp), ENOSYS);

  int status = 12345;
  CHECK_ERRNO(wait(&status), ECHILD);
  CHECK_ERRNO(wait(NULL), ECHILD);
  CHECK_ERRNO(waitpid(-1, &status, 0), ECHILD);
  CHECK_ERRNO(waitpid(7, &status, WNOHANG | WUNTRACED | WCONTINUED), ECHILD);
  CHECK_ERRNO(waitpid(-1, &status, 0x4000), EINVAL);
  CHECK_ERRNO(wait3(&status, WNOHANG, NULL), ECHILD);
  struct rusage ru;
  CHECK_ERRNO(wait4(-1, &status, 0, &ru), ECHILD);
  CHECK_EQ(status, 12345);

  siginfo_t si;
  CHECK_ERRNO(waitid(P_ALL, 0, &si, WEXITED), ECHILD);
  CHECK_ERRNO(waitid(P_PID, 5, &si, WEXITED | WSTOPPED | WNOHANG | WNOWAIT), ECHILD);
  CHECK_ERRNO(waitid(P_ALL, 0, &si, WNOHANG), EINVAL);
  CHECK_ERRNO(waitid((idtype_t)9, 0, &si, WEXITED), EINVAL);

  CHECK_EQ(system(NULL), 0);
  CHECK_ERRNO(system("echo hello"), ENOSYS);
  errno = 0;
  CHECK(popen("ls", "r") == NULL);
  CHECK_EQ(errno, ENOSYS);
  CHECK_ERRNO(pclose(stdout), ECHILD);
  return test_summary();
}
