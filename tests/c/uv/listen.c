/* uv_listen on a listening socket the launcher granted (descriptor 4),
 * with two clients it connected (5 and 6): the connection callback runs
 * per connection and uv_accept takes each into a stream. */
#include "test.h"
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#define SERVER 4
#define CLIENT 5
#define PEER 6

static uv_loop_t loop;
static uv_pipe_t server;
static uv_pipe_t conns[2];
static int nconns, got, connections;

static void alloc_cb(uv_handle_t *h, size_t n, uv_buf_t *b) {
  (void)h;
  b->base = malloc(n);
  b->len = n;
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b) {
  if (n > 0) {
    CHECK_EQ(n, 5);
    CHECK(memcmp(b->base, "hello", 5) == 0);
    if (++got == 2) uv_close((uv_handle_t *)&server, NULL);
    uv_close((uv_handle_t *)s, NULL);
  }
  free(b->base);
}

static void on_connection(uv_stream_t *s, int status) {
  CHECK_EQ(status, 0);
  connections++;
  uv_pipe_t *c = &conns[nconns++];
  CHECK_EQ(uv_pipe_init(&loop, c, 0), 0);
  CHECK_EQ(uv_accept(s, (uv_stream_t *)c), 0);
  CHECK_EQ(uv_accept(s, (uv_stream_t *)c), UV_EAGAIN);
  uv_os_fd_t fd;
  CHECK_EQ(uv_fileno((uv_handle_t *)c, &fd), 0);
  CHECK_EQ(uv_guess_handle(fd), UV_NAMED_PIPE);
  CHECK_EQ(uv_read_start((uv_stream_t *)c, alloc_cb, on_read), 0);
}

int main(void) {
  CHECK_EQ(uv_guess_handle(SERVER), UV_NAMED_PIPE);
  CHECK_EQ(uv_loop_init(&loop), 0);

  /* A connected socket does not listen. */
  uv_pipe_t client;
  CHECK_EQ(uv_pipe_init(&loop, &client, 0), 0);
  CHECK_EQ(uv_pipe_open(&client, CLIENT), 0);
  CHECK_EQ(uv_listen((uv_stream_t *)&client, 16, on_connection), UV_EINVAL);
  int rcvbuf = 0;
  CHECK_EQ(uv_recv_buffer_size((uv_handle_t *)&client, &rcvbuf), 0);
  CHECK(rcvbuf > 0);
  uv_write_t w;
  uv_buf_t hello = uv_buf_init("hello", 5);
  CHECK_EQ(uv_write(&w, (uv_stream_t *)&client, &hello, 1, NULL), 0);
  CHECK_EQ(write(PEER, "hello", 5), 5);

  CHECK_EQ(uv_pipe_init(&loop, &server, 0), 0);
  CHECK_EQ(uv_listen((uv_stream_t *)&server, 16, on_connection), UV_EINVAL);
  CHECK_EQ(uv_pipe_open(&server, SERVER), 0);
  CHECK_EQ(uv_listen((uv_stream_t *)&server, 16, on_connection), 0);
  CHECK(uv_is_active((uv_handle_t *)&server));
  uv_close((uv_handle_t *)&client, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(connections, 2);
  CHECK_EQ(got, 2);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
