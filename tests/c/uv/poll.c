/* uv_poll_t: readable, writable and disconnect events on descriptors the
 * program owns; a descriptor closed behind the handle's back is reported
 * with its error and stops the handle. */
#include "test.h"
#include <uv.h>

static int last_status, last_events, calls;

static void on_poll(uv_poll_t *p, int status, int events) {
  last_status = status;
  last_events = events;
  calls++;
  uv_poll_stop(p);
}

int main(void) {
  uv_loop_t loop;
  uv_poll_t r, w;
  int fds[2];
  CHECK_EQ(uv_loop_init(&loop), 0);
  CHECK_EQ(pipe(fds), 0);
  CHECK_EQ(uv_poll_init(&loop, &r, 77), UV_EBADF);
  CHECK_EQ(uv_poll_init(&loop, &r, fds[0]), 0);
  CHECK_EQ(uv_poll_init_socket(&loop, &w, fds[1]), 0);
  uv_os_fd_t fd;
  CHECK_EQ(uv_fileno((uv_handle_t *)&r, &fd), 0);
  CHECK_EQ(fd, fds[0]);
  CHECK_EQ(uv_poll_start(&r, 0x40, on_poll), UV_EINVAL);

  /* Writable at once; readable only after data arrives. */
  CHECK_EQ(uv_poll_start(&w, UV_WRITABLE, on_poll), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(calls, 1);
  CHECK_EQ(last_status, 0);
  CHECK_EQ(last_events, UV_WRITABLE);

  CHECK_EQ(uv_poll_start(&r, UV_READABLE, on_poll), 0);
  CHECK(uv_is_active((uv_handle_t *)&r));
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK_EQ(calls, 1);
  CHECK_EQ(write(fds[1], "x", 1), 1);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(calls, 2);
  CHECK_EQ(last_events, UV_READABLE);

  /* The peer going away: readable and disconnected. */
  char c;
  CHECK_EQ(read(fds[0], &c, 1), 1);
  uv_close((uv_handle_t *)&w, NULL);
  CHECK_EQ(close(fds[1]), 0);
  CHECK_EQ(uv_poll_start(&r, UV_READABLE | UV_DISCONNECT, on_poll), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(calls, 3);
  CHECK_EQ(last_events, UV_READABLE | UV_DISCONNECT);

  /* Closing the handle leaves the descriptor open. */
  uv_close((uv_handle_t *)&r, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(close(fds[0]), 0);

  /* A descriptor closed while watched: the error, and the handle stops. */
  CHECK_EQ(pipe(fds), 0);
  CHECK_EQ(uv_poll_init(&loop, &r, fds[0]), 0);
  CHECK_EQ(uv_poll_start(&r, UV_READABLE, on_poll), 0);
  CHECK_EQ(close(fds[0]), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(calls, 4);
  CHECK_EQ(last_status, UV_EBADF);
  CHECK(!uv_is_active((uv_handle_t *)&r));
  uv_close((uv_handle_t *)&r, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(close(fds[1]), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
