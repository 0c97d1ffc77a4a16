/* A child made by proc_fork (raw: the clone it issues) writes to the
 * outside file; it reports its result as its exit status. */
#include "escape.h"

#define L_CLONE_PIDFD 0x1000
#define L_P_PIDFD 3
#define L_WEXITED 4
#define NR_waitid 247

static long via_libc(char **arg) {
  cloudabi_fd_t fd;
  cloudabi_tid_t tid;
  if (cloudabi(cloudabi_sys_proc_fork(&fd, &tid)) < 0) return -1;
  if (fd == CLOUDABI_PROCESS_CHILD) {
    int f = openat(GRANT, join(arg[0], "/outside/secret"), O_WRONLY);
    cloudabi_sys_proc_exit(f < 0 ? errno : 0);
  }
  cloudabi_subscription_t s = {.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE};
  s.proc_terminate.fd = fd;
  cloudabi_event_t ev;
  size_t n;
  if (cloudabi(cloudabi_sys_poll(&s, &ev, 1, &n)) < 0) return -1;
  errno = ev.proc_terminate.exitcode;
  return errno == 0 ? 0 : -1;
}

static long via_raw(char **arg) {
  int pidfd = -1;
  long r = sys6(NR_clone, L_SIGCHLD | L_CLONE_PIDFD, 0, (long)&pidfd, 0, 0, 0);
  if (r < 0) return r;
  if (r == 0) sys(60, -raw_open_write(GRANT, join(arg[0], "/outside/secret"), L_O_WRONLY) & 0xff, 0, 0);
  /* siginfo_t: si_status at byte 24. */
  int info[32] = {0};
  r = sys6(NR_waitid, L_P_PIDFD, pidfd, (long)info, L_WEXITED, 0, 0);
  if (r < 0) return r;
  return -info[6];
}
