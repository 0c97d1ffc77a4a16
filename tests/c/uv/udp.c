/* UDP handles over a connected datagram socket pair: receive with the
 * peer's address, send to the peer (or a null address), refuse other
 * destinations, and the options that are not available. */
#include "test.h"
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static uv_loop_t loop;
static uv_udp_t a, b;
static int received, sent, partial;

static void alloc_cb(uv_handle_t *h, size_t n, uv_buf_t *buf) {
  (void)h;
  buf->base = malloc(n);
  buf->len = n;
}

static void small_alloc(uv_handle_t *h, size_t n, uv_buf_t *buf) {
  (void)h;
  (void)n;
  static char small[3];
  buf->base = small;
  buf->len = sizeof(small);
}

static void on_recv(uv_udp_t *u, ssize_t n, const uv_buf_t *buf, const struct sockaddr *addr, unsigned flags) {
  if (n > 0) {
    CHECK_EQ(n, 7);
    CHECK(memcmp(buf->base, "datagra", 7) == 0);
    CHECK(addr != NULL);
    CHECK_EQ(addr->sa_family, AF_UNIX);
    CHECK_EQ(flags, 0);
    if (++received == 2) uv_udp_recv_stop(u);
  }
  free(buf->base);
}

static void on_partial(uv_udp_t *u, ssize_t n, const uv_buf_t *buf, const struct sockaddr *addr, unsigned flags) {
  (void)buf;
  (void)addr;
  if (n > 0) {
    CHECK_EQ(n, 3);
    CHECK_EQ(flags, UV_UDP_PARTIAL);
    partial++;
    uv_udp_recv_stop(u);
  }
}

static void on_send(uv_udp_send_t *r, int status) {
  CHECK_EQ(status, 0);
  CHECK(r->handle == &b);
  sent++;
}

int main(void) {
  int fds[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, fds), 0);
  CHECK_EQ(uv_loop_init(&loop), 0);
  CHECK_EQ(uv_udp_init(&loop, &a), 0);
  CHECK_EQ(uv_udp_init(&loop, &b), 0);
  CHECK_EQ(uv_udp_open(&a, fds[0]), 0);
  CHECK_EQ(uv_udp_open(&b, fds[1]), 0);
  CHECK_EQ(uv_udp_open(&b, fds[1]), UV_EBUSY);
  CHECK_EQ(uv_guess_handle(fds[0]), UV_UNKNOWN_HANDLE);

  /* To the peer: with a null address, or the peer's own address. */
  struct sockaddr_storage peer;
  int len = sizeof(peer);
  CHECK_EQ(uv_udp_getsockname(&a, (struct sockaddr *)&peer, &len), 0);
  CHECK_EQ(peer.ss_family, AF_UNIX);
  uv_udp_send_t s1, s2;
  uv_buf_t parts[2] = {uv_buf_init("data", 4), uv_buf_init("gra", 3)};
  CHECK_EQ(uv_udp_send(&s1, &b, parts, 2, NULL, on_send), 0);
  CHECK_EQ(b.send_queue_count, 0);
  CHECK_EQ(uv_udp_send(&s2, &b, parts, 2, (struct sockaddr *)&peer, on_send), UV_ENOTCAPABLE);
  CHECK_EQ(uv_udp_try_send(&b, parts, 2, NULL), 7);

  /* Anywhere else: not capable. */
  struct sockaddr_in other;
  CHECK_EQ(uv_ip4_addr("192.0.2.1", 9, &other), 0);
  CHECK_EQ(uv_udp_send(&s2, &b, parts, 2, (struct sockaddr *)&other, on_send), UV_ENOTCAPABLE);
  CHECK_EQ(uv_udp_try_send(&b, parts, 2, (struct sockaddr *)&other), UV_ENOTCAPABLE);
  CHECK_EQ(uv_udp_bind(&b, (struct sockaddr *)&other, 0), UV_ENOTCAPABLE);
  CHECK_EQ(uv_udp_bind(&b, NULL, 0), UV_EINVAL);

  CHECK_EQ(uv_udp_recv_start(&a, alloc_cb, on_recv), 0);
  CHECK_EQ(uv_udp_recv_start(&a, alloc_cb, on_recv), UV_EALREADY);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(received, 2);
  CHECK_EQ(sent, 1);

  /* A datagram larger than the buffer arrives cut, and says so. */
  uv_buf_t big = uv_buf_init("0123456789", 10);
  CHECK_EQ(uv_udp_try_send(&b, &big, 1, NULL), 10);
  CHECK_EQ(uv_udp_recv_start(&a, small_alloc, on_partial), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(partial, 1);

  /* Options a sandboxed socket does not have. */
  CHECK_EQ(uv_udp_set_broadcast(&a, 1), UV_ENOTSUP);
  CHECK_EQ(uv_udp_set_ttl(&a, 64), UV_ENOTSUP);
  CHECK_EQ(uv_udp_set_ttl(&a, 0), UV_EINVAL);
  CHECK_EQ(uv_udp_set_multicast_ttl(&a, 300), UV_EINVAL);
  CHECK_EQ(uv_udp_set_multicast_loop(&a, 1), UV_ENOTSUP);
  CHECK_EQ(uv_udp_set_multicast_interface(&a, "0.0.0.0"), UV_ENOTSUP);
  CHECK_EQ(uv_udp_set_membership(&a, "224.0.0.1", NULL, UV_JOIN_GROUP), UV_ENOTSUP);
  CHECK_EQ(uv_udp_set_membership(&a, "224.0.0.1", NULL, (uv_membership)5), UV_EINVAL);
  int size = 0;
  CHECK_EQ(uv_send_buffer_size((uv_handle_t *)&a, &size), 0);
  CHECK(size > 0);

  uv_close((uv_handle_t *)&a, NULL);
  uv_close((uv_handle_t *)&b, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
