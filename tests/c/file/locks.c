/* Record locks (fcntl, lockf) and flock hold against another process (a
 * forked child with its own descriptor), are tested and released; the
 * descriptor's rights decide which kinds it may take; a waiting lock is
 * interrupted by a timer signal. */
#include "test.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/time.h>
#include <sys/wait.h>

static int own(void) { return openat(TEST_DIR_FD, "locked", O_RDWR); }

/* 0: got it, 1: refused as held, 2: other error. */
static int try_write_lock(void) {
  struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
  if (fcntl(own(), F_SETLK, &l) == 0) return 0;
  return errno == EAGAIN || errno == EACCES ? 1 : 2;
}

/* The kind of lock that conflicts with a write lock on the first 10 bytes. */
static int conflicting(void) {
  struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
  if (fcntl(own(), F_GETLK, &l) != 0) return 9;
  if (l.l_type == F_UNLCK) return 0;
  if (l.l_start != 0 || l.l_len != 10 || l.l_whence != SEEK_SET || l.l_pid != 0) return 8;
  return l.l_type == F_RDLCK ? 1 : 2;
}

static int test_lockf(void) {
  if (lockf(own(), F_TEST, 10) == 0) return 0;
  return errno == EACCES ? 1 : 2;
}

static int try_flock(void) {
  if (flock(own(), LOCK_EX | LOCK_NB) == 0) return 0;
  return errno == EWOULDBLOCK ? 1 : 2;
}

static int in_child(int (*fn)(void)) {
  pid_t p = fork();
  if (p == 0) _exit(fn());
  int st;
  CHECK_EQ(waitpid(p, &st, 0), p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 99;
}

static void on_alarm(int sig) { (void)sig; }

int main(void) {
  int fd = openat(TEST_DIR_FD, "locked", O_RDWR | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "0123456789abcdefghij", 20), 20);

  struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
  CHECK_EQ(fcntl(fd, F_SETLK, &l), 0);
  CHECK_EQ(in_child(try_write_lock), 1);
  CHECK_EQ(in_child(conflicting), 2);
  /* The process's own locks never conflict with it. */
  struct flock mine = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
  CHECK_EQ(fcntl(fd, F_GETLK, &mine), 0);
  CHECK_EQ(mine.l_type, F_UNLCK);
  l.l_type = F_UNLCK;
  CHECK_EQ(fcntl(fd, F_SETLK, &l), 0);
  CHECK_EQ(in_child(try_write_lock), 0);
  CHECK_EQ(in_child(conflicting), 0);

  l.l_type = F_RDLCK;
  CHECK_EQ(fcntl(fd, F_SETLKW, &l), 0);
  CHECK_EQ(in_child(try_write_lock), 1);
  CHECK_EQ(in_child(conflicting), 1);
  l.l_type = F_UNLCK;
  CHECK_EQ(fcntl(fd, F_SETLK, &l), 0);

  /* Read locks need FD_READ, write locks FD_WRITE. */
  int ro = openat(TEST_DIR_FD, "locked", O_RDONLY);
  l.l_type = F_WRLCK;
  CHECK_ERRNO(fcntl(ro, F_SETLK, &l), ENOTCAPABLE);
  l.l_type = F_RDLCK;
  CHECK_EQ(fcntl(ro, F_SETLK, &l), 0);
  close(ro);
  l.l_type = 42;
  CHECK_ERRNO(fcntl(fd, F_SETLK, &l), EINVAL);
  l.l_type = F_UNLCK;
  CHECK_ERRNO(fcntl(fd, F_GETLK, &l), EINVAL);
  CHECK_ERRNO(fcntl(99, F_SETLK, &l), EBADF);

  /* lockf: from the current position. */
  CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
  CHECK_EQ(lockf(fd, F_LOCK, 10), 0);
  CHECK_EQ(in_child(test_lockf), 1);
  CHECK_EQ(lockf(fd, F_ULOCK, 10), 0);
  CHECK_EQ(in_child(test_lockf), 0);
  CHECK_EQ(lockf(fd, F_TLOCK, 0), 0);
  CHECK_EQ(lockf(fd, F_ULOCK, 0), 0);
  CHECK_ERRNO(lockf(fd, 42, 0), EINVAL);
  CHECK_ERRNO(lockf(99, F_LOCK, 0), EBADF);

  /* flock: whole-file locks of the open file. */
  CHECK_EQ(flock(fd, LOCK_EX), 0);
  CHECK_EQ(in_child(try_flock), 1);
  CHECK_EQ(flock(fd, LOCK_UN), 0);
  CHECK_EQ(in_child(try_flock), 0);
  CHECK_EQ(flock(fd, LOCK_SH | LOCK_NB), 0);
  CHECK_EQ(flock(fd, LOCK_UN), 0);
  CHECK_ERRNO(flock(fd, LOCK_SH | LOCK_EX), EINVAL);
  CHECK_ERRNO(flock(fd, 0), EINVAL);
  CHECK_ERRNO(flock(99, LOCK_EX), EBADF);

  /* A wait for a held lock ends with EINTR when a timer signal comes. */
  int p[2];
  CHECK_EQ(pipe(p), 0);
  pid_t holder = fork();
  if (holder == 0) {
    struct flock w = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
    if (fcntl(own(), F_SETLK, &w) != 0) _exit(1);
    write(p[1], "x", 1);
    for (;;) pause();
  }
  char c;
  CHECK_EQ(read(p[0], &c, 1), 1);
  struct sigaction sa = {0};
  sa.sa_handler = on_alarm;
  CHECK_EQ(sigaction(SIGALRM, &sa, NULL), 0);
  struct itimerval it = {{0, 0}, {0, 100000}};
  CHECK_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
  l.l_type = F_WRLCK;
  CHECK_ERRNO(fcntl(fd, F_SETLKW, &l), EINTR);
  CHECK_EQ(kill(holder, SIGKILL), 0);
  CHECK_EQ(waitpid(holder, NULL, 0), holder);
  CHECK_EQ(fcntl(fd, F_SETLKW, &l), 0);
  return test_summary();
}
