/* Without children: every wait fails with ECHILD (EINVAL for bad options),
 * a program outside the grants cannot be executed and the caller runs on,
 * system(NULL) reports no shell, popen fails and pclose finds no child. */
#include "test.h"
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/wait.h>

/* <stdio.h> does not declare these yet. */
FILE *popen(const char *, const char *);
int pclose(FILE *);

int main(void) {
  char *argv[] = {"true", NULL};
  char *envp[] = {NULL};

  CHECK_ERRNO(execve("/bin/true", argv, envp), ENOTCAPABLE);
  CHECK_ERRNO(execv("/bin/true", argv), ENOTCAPABLE);
  CHECK_ERRNO(execvp("true", argv), ENOTCAPABLE);
  CHECK_ERRNO(execl("/bin/true", "true", (char *)NULL), ENOTCAPABLE);
  CHECK_ERRNO(execle("/bin/true", "true", (char *)NULL, envp), ENOTCAPABLE);
  CHECK_ERRNO(execlp("true", "true", "a", "b", "c", "d", "e", "f", (char *)NULL), ENOTCAPABLE);
  CHECK_ERRNO(execl("/sandbox/missing", "missing", (char *)NULL), ENOENT);
  CHECK_ERRNO(execvp("", argv), ENOENT);
  /* A directory is not a program, and this one lacks PROC_EXEC anyway. */
  CHECK(fexecve(TEST_DIR_FD, argv, envp) == -1);

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

  CHECK_ERRNO(kill(5, SIGTERM), EPERM);
  CHECK_EQ(system(NULL), 0);
  CHECK_ERRNO(system("echo hello"), ENOSYS);
  errno = 0;
  CHECK(popen("ls", "r") == NULL);
  CHECK_EQ(errno, ENOSYS);
  CHECK_ERRNO(pclose(stdout), ECHILD);
  return test_summary();
}
