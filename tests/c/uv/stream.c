/* Streams over a socket pair (pipe() gives one): echo, write callbacks in
 * the next iteration, write_queue_size, shutdown and EOF, try_write,
 * close with writes queued, and the error cases. */
#include "test.h"
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static uv_loop_t loop;
static uv_pipe_t a, b;
static char got[1 << 20];
static size_t ngot;
static int eof, writes_done, shutdown_done, closes, write_status;

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)h;
  CHECK(suggested > 0);
  buf->base = malloc(suggested);
  buf->len = suggested;
}

static void close_after(uv_shutdown_t *r, int status) {
  CHECK_EQ(status, 0);
  uv_close((uv_handle_t *)r->handle, NULL);
}

static void echo_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n > 0) {
    /* Echo it back on the same stream. */
    uv_write_t *w = malloc(sizeof(*w));
    uv_buf_t out = uv_buf_init(buf->base, n);
    w->data = buf->base;
    CHECK_EQ(uv_write(w, s, &out, 1, (uv_write_cb)free), 0);
    return;
  }
  if (n == UV_EOF) {
    /* Pass the end on once every echo is written, then close. */
    static uv_shutdown_t sd;
    CHECK_EQ(uv_shutdown(&sd, s, close_after), 0);
  }
  free(buf->base);
}

static void collect(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  (void)s;
  if (n > 0) {
    memcpy(got + ngot, buf->base, n);
    ngot += n;
  } else if (n == UV_EOF) {
    eof++;
  } else {
    CHECK_EQ(n, 0);
  }
  free(buf->base);
}

static int in_write_call;
static void on_write(uv_write_t *w, int status) {
  CHECK(!in_write_call);
  CHECK_EQ(status, write_status);
  CHECK(w->handle == (uv_stream_t *)&b);
  writes_done++;
}

static void on_shutdown(uv_shutdown_t *r, int status) {
  CHECK_EQ(status, 0);
  CHECK(r->handle == (uv_stream_t *)&b);
  shutdown_done++;
}

static void on_close(uv_handle_t *h) {
  (void)h;
  closes++;
}

int main(void) {
  int fds[2];
  CHECK_EQ(uv_loop_init(&loop), 0);
  CHECK_EQ(pipe(fds), 0);
  CHECK_EQ(uv_pipe_init(&loop, &a, 0), 0);
  CHECK_EQ(uv_pipe_init(&loop, &b, 0), 0);
  CHECK_EQ(uv_read_start((uv_stream_t *)&a, alloc_cb, echo_read), UV_ENOTCONN);
  CHECK_EQ(uv_pipe_open(&a, fds[0]), 0);
  CHECK_EQ(uv_pipe_open(&b, fds[1]), 0);
  CHECK_EQ(uv_pipe_open(&a, fds[1]), UV_EBUSY);
  CHECK_EQ(uv_pipe_open(&b, 99), UV_EBADF);
  CHECK(uv_is_readable((uv_stream_t *)&a));
  CHECK(uv_is_writable((uv_stream_t *)&b));
  uv_os_fd_t fd;
  CHECK_EQ(uv_fileno((uv_handle_t *)&a, &fd), 0);
  CHECK_EQ(fd, fds[0]);
  CHECK_EQ(uv_guess_handle(fds[0]), UV_NAMED_PIPE);
  CHECK_EQ(uv_read_start((uv_stream_t *)&a, NULL, echo_read), UV_EINVAL);

  /* a echoes what b sends: a megabyte, in chunks, callbacks later. */
  CHECK_EQ(uv_read_start((uv_stream_t *)&a, alloc_cb, echo_read), 0);
  CHECK_EQ(uv_read_start((uv_stream_t *)&b, alloc_cb, collect), 0);
  CHECK(uv_is_active((uv_handle_t *)&a));
  static char data[1 << 20];
  for (size_t i = 0; i < sizeof(data); i++) data[i] = (char)(i * 7 + i / 251);
  uv_write_t w[4];
  uv_buf_t bufs[2];
  size_t quarter = sizeof(data) / 4;
  in_write_call = 1;
  for (int i = 0; i < 4; i++) {
    bufs[0] = uv_buf_init(data + i * quarter, quarter / 2);
    bufs[1] = uv_buf_init(data + i * quarter + quarter / 2, quarter / 2);
    CHECK_EQ(uv_write(&w[i], (uv_stream_t *)&b, bufs, 2, on_write), 0);
  }
  in_write_call = 0;
  CHECK_EQ(writes_done, 0);
  CHECK(b.write_queue_size > 0);
  CHECK(b.write_queue_size <= sizeof(data));

  /* Shutdown after the queued writes: a sees EOF and closes; b gets EOF. */
  uv_shutdown_t sd;
  CHECK_EQ(uv_shutdown(&sd, (uv_stream_t *)&b, on_shutdown), 0);
  CHECK_EQ(uv_shutdown(&sd, (uv_stream_t *)&b, on_shutdown), UV_ENOTCONN);
  CHECK(!uv_is_writable((uv_stream_t *)&b));
  CHECK_EQ(uv_write(&w[0], (uv_stream_t *)&b, bufs, 1, on_write), UV_EPIPE);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(writes_done, 4);
  CHECK_EQ(shutdown_done, 1);
  CHECK_EQ(b.write_queue_size, 0);
  CHECK_EQ(ngot, sizeof(data));
  CHECK(memcmp(got, data, sizeof(data)) == 0);
  CHECK_EQ(eof, 1);
  CHECK(!uv_is_active((uv_handle_t *)&b));
  uv_close((uv_handle_t *)&b, on_close);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(closes, 1);

  /* try_write writes at once; reads stop on uv_read_stop. */
  CHECK_EQ(pipe(fds), 0);
  CHECK_EQ(uv_pipe_init(&loop, &a, 0), 0);
  CHECK_EQ(uv_pipe_init(&loop, &b, 0), 0);
  CHECK_EQ(uv_pipe_open(&a, fds[0]), 0);
  CHECK_EQ(uv_pipe_open(&b, fds[1]), 0);
  uv_buf_t hello = uv_buf_init("hello", 5);
  CHECK_EQ(uv_try_write((uv_stream_t *)&b, &hello, 1), 5);
  ngot = 0;
  CHECK_EQ(uv_read_start((uv_stream_t *)&a, alloc_cb, collect), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK_EQ(ngot, 5);
  CHECK(memcmp(got, "hello", 5) == 0);
  CHECK_EQ(uv_read_stop((uv_stream_t *)&a), 0);
  CHECK(!uv_is_active((uv_handle_t *)&a));

  /* Fill b until try_write refuses; uv_write then queues, and closing
   * b cancels what is still queued, before the close callback. */
  int n;
  while ((n = uv_try_write((uv_stream_t *)&b, bufs, 2)) > 0) {
  }
  CHECK_EQ(n, UV_EAGAIN);
  bufs[0] = uv_buf_init(data, 1000);
  writes_done = 0;
  write_status = UV_ECANCELED;
  CHECK_EQ(uv_write(&w[0], (uv_stream_t *)&b, bufs, 1, on_write), 0);
  CHECK_EQ(uv_write(&w[1], (uv_stream_t *)&b, bufs, 1, on_write), 0);
  CHECK_EQ(uv_try_write((uv_stream_t *)&b, bufs, 1), UV_EAGAIN);
  CHECK_EQ(b.write_queue_size, 2000);
  uv_close((uv_handle_t *)&b, on_close);
  CHECK_EQ(writes_done, 0);
  uv_close((uv_handle_t *)&a, on_close);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(writes_done, 2);
  CHECK_EQ(closes, 3);
  CHECK_EQ(uv_fileno((uv_handle_t *)&b, &fd), UV_EBADF);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
