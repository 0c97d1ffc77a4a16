/* proc_fork and process descriptors, under full confinement: the child
 * learns it is the child and exits 42 through proc_exit; the parent's
 * process descriptor reports that through a PROC_TERMINATE poll, again
 * and again until it is closed; a child killed by a signal reports the
 * signal; a running child does not end a poll with a zero timeout, and
 * closing its descriptor ends it. */
#include "test.h"
#include <cloudabi_syscalls.h>

static cloudabi_subscription_t ended(cloudabi_fd_t fd) {
  cloudabi_subscription_t s = {.userdata = 7, .type = CLOUDABI_EVENTTYPE_PROC_TERMINATE};
  s.proc_terminate.fd = fd;
  return s;
}

static cloudabi_subscription_t after(cloudabi_timestamp_t ns) {
  cloudabi_subscription_t s = {.userdata = 8, .type = CLOUDABI_EVENTTYPE_CLOCK};
  s.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
  s.clock.timeout = ns;
  return s;
}

/* Waits for the child of `fd` to end. */
static cloudabi_event_t wait_for(cloudabi_fd_t fd) {
  cloudabi_subscription_t sub = ended(fd);
  cloudabi_event_t ev;
  size_t n = 0;
  CHECK_EQ(cloudabi_sys_poll(&sub, &ev, 1, &n), 0);
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.userdata, 7);
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_PROC_TERMINATE);
  return ev;
}

static cloudabi_fd_t fork_or_fail(cloudabi_tid_t *tid) {
  cloudabi_fd_t fd = 1234;
  CHECK_EQ(cloudabi_sys_proc_fork(&fd, tid), 0);
  return fd;
}

int main(void) {
  cloudabi_tid_t tid = 0;
  cloudabi_fd_t fd = fork_or_fail(&tid);
  if (fd == CLOUDABI_PROCESS_CHILD)
    cloudabi_sys_proc_exit(tid != 0 ? 42 : 1);
  cloudabi_fdstat_t st;
  CHECK_EQ(cloudabi_sys_fd_stat_get(fd, &st), 0);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_PROCESS);
  CHECK_EQ(st.fs_rights_base, CLOUDABI_RIGHT_POLL_PROC_TERMINATE | CLOUDABI_RIGHT_FILE_STAT_FGET);
  for (int i = 0; i < 2; i++) {
    cloudabi_event_t ev = wait_for(fd);
    CHECK_EQ(ev.proc_terminate.signal, 0);
    CHECK_EQ(ev.proc_terminate.exitcode, 42);
  }
  CHECK_EQ(cloudabi_sys_fd_close(fd), 0);

  fd = fork_or_fail(&tid);
  if (fd == CLOUDABI_PROCESS_CHILD) {
    cloudabi_sys_proc_raise(CLOUDABI_SIGUSR1);
    cloudabi_sys_proc_exit(1);
  }
  cloudabi_event_t ev = wait_for(fd);
  CHECK_EQ(ev.proc_terminate.signal, CLOUDABI_SIGUSR1);
  CHECK_EQ(cloudabi_sys_fd_close(fd), 0);

  fd = fork_or_fail(&tid);
  if (fd == CLOUDABI_PROCESS_CHILD) {
    cloudabi_subscription_t hour = after(3600000000000ull);
    size_t n;
    cloudabi_sys_poll(&hour, &ev, 1, &n);
    cloudabi_sys_proc_exit(1);
  }
  cloudabi_subscription_t subs[2] = {ended(fd), after(0)};
  cloudabi_event_t evs[2];
  size_t n = 0;
  CHECK_EQ(cloudabi_sys_poll(subs, evs, 2, &n), 0);
  CHECK_EQ(n, 1);
  CHECK_EQ(evs[0].type, CLOUDABI_EVENTTYPE_CLOCK);
  CHECK_EQ(cloudabi_sys_fd_close(fd), 0);
  CHECK_EQ(cloudabi_sys_fd_close(fd), CLOUDABI_EBADF);
  return test_summary();
}
