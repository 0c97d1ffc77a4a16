/* Handle passing over an IPC pipe: uv_write2 sends a pipe's descriptor
 * with the data, the receiver finds it pending and takes it with
 * uv_accept, and the passed descriptor works. */
#include "test.h"
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static uv_loop_t loop;
static uv_pipe_t x, y, passed, client;
static int accepted, sent, got_passed_data;

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)h;
  buf->base = malloc(suggested);
  buf->len = suggested;
}

static void client_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n > 0) {
    CHECK_EQ(n, 4);
    CHECK(memcmp(buf->base, "ping", 4) == 0);
    got_passed_data = 1;
    uv_close((uv_handle_t *)s, NULL);
    uv_close((uv_handle_t *)&y, NULL);
  }
  free(buf->base);
}

static void y_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n > 0) {
    CHECK_EQ(n, 1);
    CHECK_EQ(buf->base[0], 'h');
    CHECK_EQ(uv_pipe_pending_count((uv_pipe_t *)s), 1);
    CHECK_EQ(uv_pipe_pending_type((uv_pipe_t *)s), UV_NAMED_PIPE);
    CHECK_EQ(uv_pipe_init(&loop, &client, 0), 0);
    CHECK_EQ(uv_accept(s, (uv_stream_t *)&client), 0);
    CHECK_EQ(uv_pipe_pending_count((uv_pipe_t *)s), 0);
    CHECK_EQ(uv_pipe_pending_type((uv_pipe_t *)s), UV_UNKNOWN_HANDLE);
    CHECK_EQ(uv_accept(s, (uv_stream_t *)&client), UV_EAGAIN);
    accepted = 1;
    CHECK_EQ(uv_read_start((uv_stream_t *)&client, alloc_cb, client_read), 0);
    CHECK_EQ(uv_read_stop(s), 0);
  }
  free(buf->base);
}

static void on_sent(uv_write_t *w, int status) {
  CHECK_EQ(status, 0);
  CHECK(w->send_handle == (uv_stream_t *)&passed);
  sent = 1;
  /* The receiver has its own copy; this one can go. */
  uv_close((uv_handle_t *)&passed, NULL);
  uv_close((uv_handle_t *)&x, NULL);
}

int main(void) {
  int ipc[2], other[2];
  CHECK_EQ(uv_loop_init(&loop), 0);
  CHECK_EQ(pipe(ipc), 0);
  CHECK_EQ(pipe(other), 0);
  CHECK_EQ(uv_pipe_init(&loop, &x, 1), 0);
  CHECK_EQ(uv_pipe_init(&loop, &y, 1), 0);
  CHECK_EQ(x.ipc, 1);
  CHECK_EQ(uv_pipe_open(&x, ipc[0]), 0);
  CHECK_EQ(uv_pipe_open(&y, ipc[1]), 0);
  CHECK_EQ(uv_pipe_init(&loop, &passed, 0), 0);
  CHECK_EQ(uv_pipe_open(&passed, other[0]), 0);
  CHECK_EQ(uv_accept((uv_stream_t *)&y, (uv_stream_t *)&passed), UV_EAGAIN);

  uv_write_t w;
  uv_buf_t h = uv_buf_init("h", 1);
  uv_buf_t none = uv_buf_init("", 0);
  /* A handle needs data to travel with, and an IPC pipe to travel on. */
  CHECK_EQ(uv_write2(&w, (uv_stream_t *)&x, &none, 1, (uv_stream_t *)&passed, on_sent), UV_EINVAL);
  CHECK_EQ(uv_write2(&w, (uv_stream_t *)&passed, &h, 1, (uv_stream_t *)&x, on_sent), UV_EINVAL);
  CHECK_EQ(uv_write2(&w, (uv_stream_t *)&x, &h, 1, (uv_stream_t *)&passed, on_sent), 0);
  CHECK_EQ(uv_read_start((uv_stream_t *)&y, alloc_cb, y_read), 0);
  CHECK_EQ(write(other[1], "ping", 4), 4);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK(sent);
  CHECK(accepted);
  CHECK(got_passed_data);
  CHECK_EQ(close(other[1]), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
