/* What has no capability meaning fails cleanly: spawning, signalling
 * other processes, making, binding and connecting sockets, naming pipes. */
#include "test.h"
#include <signal.h>
#include <uv.h>

static int connect_status = 1;
static void on_connect(uv_connect_t *r, int status) {
  CHECK_EQ(r->type, UV_CONNECT);
  connect_status = status;
}

static int closed;
static void on_close(uv_handle_t *h) {
  CHECK_EQ(h->type, UV_PROCESS);
  closed++;
}

int main(void) {
  uv_loop_t loop;
  CHECK_EQ(uv_loop_init(&loop), 0);

  /* Processes. */
  uv_process_t proc;
  uv_process_options_t opts = {0};
  char *args[] = {"ls", NULL};
  opts.file = "ls";
  opts.args = args;
  CHECK_EQ(uv_spawn(&loop, &proc, &opts), UV_ENOSYS);
  CHECK_EQ(proc.type, UV_PROCESS);
  CHECK_EQ(uv_process_kill(&proc, SIGTERM), UV_ENOSYS);
  uv_close((uv_handle_t *)&proc, on_close);
  CHECK_EQ(uv_kill(uv_os_getpid(), 0), 0);
  CHECK_EQ(uv_kill(uv_os_getpid() + 1, SIGTERM), UV_EPERM);
  CHECK_EQ(uv_kill(uv_os_getpid(), 999), UV_EINVAL);
  uv_disable_stdio_inheritance();

  /* Sockets: none can be made, bound or connected. */
  uv_tcp_t tcp;
  uv_udp_t udp;
  CHECK_EQ(uv_tcp_init_ex(&loop, &tcp, 1), UV_EACCES);
  CHECK_EQ(uv_tcp_init_ex(&loop, &tcp, 0x100), UV_EINVAL);
  CHECK_EQ(uv_udp_init_ex(&loop, &udp, 2), UV_EACCES);
  CHECK_EQ(uv_tcp_init_ex(&loop, &tcp, 0), 0);
  char addr[16] = {0};
  CHECK_EQ(uv_tcp_bind(&tcp, (const struct sockaddr *)addr, 0), UV_ENOTCAPABLE);
  CHECK_EQ(uv_tcp_bind(&tcp, NULL, 0), UV_EINVAL);
  uv_connect_t creq;
  CHECK_EQ(uv_tcp_connect(&creq, &tcp, (const struct sockaddr *)addr, on_connect), UV_ENOTCAPABLE);
  CHECK_EQ(uv_udp_init(&loop, &udp), 0);
  CHECK_EQ(uv_udp_recv_start(&udp, (uv_alloc_cb)1, (uv_udp_recv_cb)1), UV_EBADF);

  /* Pipes have no names. */
  uv_pipe_t p;
  CHECK_EQ(uv_pipe_init(&loop, &p, 0), 0);
  CHECK_EQ(uv_pipe_bind(&p, "/sandbox/sock"), UV_ENOTCAPABLE);
  char name[8];
  size_t size = sizeof(name);
  CHECK_EQ(uv_pipe_getsockname(&p, name, &size), UV_EBADF);
  CHECK_EQ(uv_pipe_chmod(&p, UV_READABLE), UV_EBADF);
  int fds[2];
  CHECK_EQ(pipe(fds), 0);
  CHECK_EQ(uv_pipe_open(&p, fds[0]), 0);
  CHECK_EQ(uv_pipe_getsockname(&p, name, &size), 0);
  CHECK_EQ(size, 0);
  CHECK_STR(name, "");
  size = sizeof(name);
  CHECK_EQ(uv_pipe_getpeername(&p, name, &size), 0);
  CHECK_EQ(size, 0);
  CHECK_EQ(uv_pipe_chmod(&p, 0), UV_EINVAL);
  CHECK_EQ(uv_pipe_chmod(&p, UV_READABLE | UV_WRITABLE), UV_ENOTSUP);
  uv_pipe_pending_instances(&p, 4);
  uv_pipe_connect(&creq, &p, "/sandbox/sock", on_connect);
  CHECK_EQ(connect_status, 1);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 0);
  CHECK_EQ(connect_status, UV_ENOTCAPABLE);
  CHECK_EQ(closed, 1);

  uv_close((uv_handle_t *)&tcp, NULL);
  uv_close((uv_handle_t *)&udp, NULL);
  uv_close((uv_handle_t *)&p, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
