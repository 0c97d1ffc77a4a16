/* fork, the exec family and the wait family on CloudABI's proc_fork and
 * proc_exec: exit statuses and signals reach the parent, a child has its
 * own copy of memory, exec keeps exactly the inheritable descriptors, the
 * grants and the current directory, and a failed exec changes nothing.
 * A child's parent is the process that forked it, also after an exec.
 * The program executes itself (granted as /bin/program) with
 * "child" as its first argument. */
#include "test.h"
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define SELF "/bin/program"

/* The exec'd program: argv[2] is a descriptor it must have and argv[3]
 * one it must not. Reports on the first, exits 7 if all was as expected. */
static int child(int argc, char **argv) {
  int keep = atoi(argv[2]), drop = atoi(argv[3]);
  int ok = argc == 6 && test_streq(argv[4], "two words") && test_streq(argv[0], "self");
  /* Bytes that are not UTF-8 arrive as they were. */
  ok = ok && test_streq(argv[5], "\xff\xfe");
  const char *v = getenv("FORK_TEST");
  ok = ok && v != NULL && test_streq(v, "exec");
  v = getenv("FORK_BYTES");
  ok = ok && v != NULL && test_streq(v, "\x80");
  ok = ok && fcntl(drop, F_GETFD) == -1 && errno == EBADF;
  char cwd[64];
  ok = ok && getcwd(cwd, sizeof(cwd)) != NULL && test_streq(cwd, "/sandbox/sub");
  /* exec keeps the process's id (a forked child's) and its parent. */
  ok = ok && getppid() == 1 && getpid() > 1;
  /* The grants came along: the parent's file is reachable by name. */
  int f = open("/sandbox/sub/mark", O_RDONLY);
  ok = ok && f >= 0;
  const char *msg = ok ? "ok" : "no";
  write(keep, msg, 2);
  return ok ? 7 : 1;
}

static volatile int shared_value = 1;

/* fork, execl and waitpid from a thread with a small (64 KiB) stack. */
static void *small_stack(void *arg) {
  (void)arg;
  pid_t p = fork();
  if (p == 0) {
    execl(SELF, "self", "small", (char *)NULL);
    _exit(99);
  }
  int st = 0;
  if (p < 0 || waitpid(p, &st, 0) != p) return (void *)1;
  return (void *)(long)(WIFEXITED(st) ? WEXITSTATUS(st) : 100);
}

int main(int argc, char **argv) {
  if (argc > 1 && test_streq(argv[1], "child")) return child(argc, argv);
  if (argc > 1 && test_streq(argv[1], "small")) return 5;

  /* The launcher's program has no parent; a child has this one. */
  CHECK_EQ(getppid(), 0);
  CHECK_EQ(getpid(), 1);

  /* Exit status; the child's id is what fork returned, its parent is
   * this process, and it can signal itself by its id. */
  pid_t p = fork();
  if (p == 0) _exit(getppid() == 1 && getpid() > 1 && kill(getpid(), 0) == 0 ? getpid() % 200 + 1 : 0);
  CHECK(p > 1);
  int st = 0;
  CHECK_EQ(waitpid(p, &st, 0), p);
  CHECK(WIFEXITED(st));
  CHECK_EQ(WEXITSTATUS(st), p % 200 + 1);
  CHECK_ERRNO(waitpid(p, &st, 0), ECHILD);

  /* The child's memory is a copy; a pipe connects them. */
  int fds[2];
  CHECK_EQ(pipe(fds), 0);
  p = fork();
  if (p == 0) {
    shared_value = 2;
    char c = (char)('0' + shared_value);
    write(fds[1], &c, 1);
    _exit(0);
  }
  char c = 0;
  CHECK_EQ(read(fds[0], &c, 1), 1);
  CHECK_EQ(c, '2');
  CHECK_EQ(shared_value, 1);
  CHECK_EQ(wait(&st), p);
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);

  /* WNOHANG while the child runs, then kill it. */
  p = fork();
  if (p == 0) {
    for (;;) read(fds[0], &c, 1);
  }
  CHECK_EQ(waitpid(p, &st, WNOHANG), 0);
  CHECK_EQ(kill(p, 0), 0);
  CHECK_EQ(kill(p, SIGKILL), 0);
  siginfo_t si;
  memset(&si, 0, sizeof(si));
  CHECK_EQ(waitid(P_PID, (id_t)p, &si, WEXITED | WNOWAIT), 0);
  CHECK_EQ(si.si_pid, p);
  CHECK_EQ(si.si_code, CLD_KILLED);
  CHECK_EQ(si.si_status, SIGKILL);
  CHECK_EQ(waitpid(-1, &st, 0), p);
  CHECK(WIFSIGNALED(st));
  CHECK_EQ(WTERMSIG(st), SIGKILL);
  CHECK_ERRNO(kill(p, 0), EPERM);
  close(fds[0]);
  close(fds[1]);

  /* Exec: one pipe end made inheritable, another left close-on-exec. */
  CHECK_EQ(mkdir("sub", 0755), 0);
  int m = open("sub/mark", O_WRONLY | O_CREAT, 0644);
  CHECK(m >= 0);
  close(m);
  CHECK_EQ(pipe(fds), 0);
  int other[2];
  CHECK_EQ(pipe(other), 0);
  CHECK_EQ(fcntl(fds[1], F_GETFD), FD_CLOEXEC);
  CHECK_EQ(fcntl(fds[1], F_SETFD, 0), 0);
  CHECK_EQ(fcntl(fds[1], F_GETFD), 0);
  CHECK_EQ(chdir("sub"), 0);
  char keep[12], drop[12];
  snprintf(keep, sizeof(keep), "%d", fds[1]);
  snprintf(drop, sizeof(drop), "%d", other[1]);
  p = fork();
  if (p == 0) {
    char *args[] = {"self", "child", keep, drop, "two words", "\xff\xfe", NULL};
    char *env[] = {"FORK_TEST=exec", "FORK_BYTES=\x80", NULL};
    execve(SELF, args, env);
    _exit(99);
  }
  close(fds[1]);
  char buf[3] = {0};
  CHECK_EQ(read(fds[0], buf, 2), 2);
  CHECK_STR(buf, "ok");
  CHECK_EQ(waitpid(p, &st, 0), p);
  CHECK(WIFEXITED(st));
  CHECK_EQ(WEXITSTATUS(st), 7);

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  CHECK_EQ(pthread_attr_setstacksize(&attr, 64 * 1024), 0);
  pthread_t t;
  CHECK_EQ(pthread_create(&t, &attr, small_stack, NULL), 0);
  void *res = NULL;
  CHECK_EQ(pthread_join(t, &res), 0);
  CHECK_EQ((long)res, 5);

  /* A failed exec leaves the caller as it was. */
  CHECK_ERRNO(execl("/bin/missing", "missing", (char *)NULL), ENOENT);
  CHECK_ERRNO(execl("/sandbox/sub/mark", "mark", (char *)NULL), ENOTCAPABLE);
  CHECK_EQ(fcntl(fds[0], F_GETFD), FD_CLOEXEC);
  CHECK_EQ(fcntl(other[0], F_GETFD), FD_CLOEXEC);
  CHECK(getenv("FORK_TEST") != NULL && test_streq(getenv("FORK_TEST"), "parent"));

  /* dup2 makes the new descriptor inheritable, dup3 does not. */
  CHECK_EQ(dup2(fds[0], other[0]), other[0]);
  CHECK_EQ(fcntl(other[0], F_GETFD), 0);
  CHECK_EQ(dup3(fds[0], other[1], 0), other[1]);
  CHECK_EQ(fcntl(other[1], F_GETFD), FD_CLOEXEC);
  /* The grants are not the program's to close or replace. */
  CHECK_ERRNO(close(TEST_DIR_FD), EBADF);
  CHECK_ERRNO(dup2(fds[0], TEST_DIR_FD), EBADF);
  CHECK_EQ(access("/sandbox/sub/mark", F_OK), 0);
  /* In a read-only grant, removing a missing name is ENOENT, as on POSIX. */
  CHECK_ERRNO(unlink("/bin/missing"), ENOENT);
  CHECK_ERRNO(unlink(SELF), ENOTCAPABLE);
  return test_summary();
}
