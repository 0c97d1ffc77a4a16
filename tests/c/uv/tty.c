/* TTY handles over whatever descriptor they get (here standard output and
 * a socket pair): writes and reads, the modes and what is not supported. */
#include "test.h"
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static int wrote, got;
static void on_write(uv_write_t *w, int status) {
  (void)w;
  CHECK_EQ(status, 0);
  wrote++;
}
static void alloc_cb(uv_handle_t *h, size_t n, uv_buf_t *b) {
  (void)h;
  b->base = malloc(n);
  b->len = n;
}
static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b) {
  if (n > 0) {
    CHECK_EQ(n, 3);
    CHECK(memcmp(b->base, "abc", 3) == 0);
    got++;
    uv_close((uv_handle_t *)s, NULL);
  }
  free(b->base);
}

int main(void) {
  uv_loop_t loop;
  uv_tty_t out, in;
  CHECK_EQ(uv_loop_init(&loop), 0);
  CHECK_EQ(uv_tty_init(&loop, &out, 99, 0), UV_EBADF);
  CHECK_EQ(uv_tty_init(&loop, &out, 1, 0), 0);
  CHECK(uv_is_writable((uv_stream_t *)&out));
  CHECK(!uv_is_readable((uv_stream_t *)&out));
  CHECK_EQ(uv_tty_set_mode(&out, UV_TTY_MODE_NORMAL), 0);
  CHECK_EQ(uv_tty_set_mode(&out, UV_TTY_MODE_RAW), UV_ENOTSUP);
  CHECK_EQ(uv_tty_set_mode(&out, (uv_tty_mode_t)9), UV_EINVAL);
  int w, h;
  CHECK_EQ(uv_tty_get_winsize(&out, &w, &h), UV_ENOTSUP);
  CHECK_EQ(uv_tty_reset_mode(), 0);

  uv_write_t req;
  uv_buf_t line = uv_buf_init("tty line\n", 9);
  CHECK_EQ(uv_write(&req, (uv_stream_t *)&out, &line, 1, on_write), 0);
  /* Blocking writes are done already; the callback still comes later. */
  CHECK_EQ(out.write_queue_size, 0);
  CHECK_EQ(wrote, 0);

  int fds[2];
  CHECK_EQ(pipe(fds), 0);
  CHECK_EQ(uv_tty_init(&loop, &in, fds[0], 1), 0);
  CHECK(uv_is_readable((uv_stream_t *)&in));
  CHECK_EQ(uv_read_start((uv_stream_t *)&in, alloc_cb, on_read), 0);
  CHECK_EQ(write(fds[1], "abc", 3), 3);
  uv_close((uv_handle_t *)&out, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(wrote, 1);
  CHECK_EQ(got, 1);
  CHECK_EQ(write(1, "still open\n", 11), 11);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
