/* Struct sizes agree with the library (uv_handle_size, uv_req_size) and
 * public fields sit where libuv puts them. */
#include "test.h"
#include <stddef.h>
#include <uv.h>

int main(void) {
  CHECK_EQ(uv_handle_size(UV_ASYNC), sizeof(uv_async_t));
  CHECK_EQ(uv_handle_size(UV_CHECK), sizeof(uv_check_t));
  CHECK_EQ(uv_handle_size(UV_HANDLE), sizeof(uv_handle_t));
  CHECK_EQ(uv_handle_size(UV_IDLE), sizeof(uv_idle_t));
  CHECK_EQ(uv_handle_size(UV_NAMED_PIPE), sizeof(uv_pipe_t));
  CHECK_EQ(uv_handle_size(UV_POLL), sizeof(uv_poll_t));
  CHECK_EQ(uv_handle_size(UV_PREPARE), sizeof(uv_prepare_t));
  CHECK_EQ(uv_handle_size(UV_PROCESS), sizeof(uv_process_t));
  CHECK_EQ(uv_handle_size(UV_STREAM), sizeof(uv_stream_t));
  CHECK_EQ(uv_handle_size(UV_TCP), sizeof(uv_tcp_t));
  CHECK_EQ(uv_handle_size(UV_TIMER), sizeof(uv_timer_t));
  CHECK_EQ(uv_handle_size(UV_TTY), sizeof(uv_tty_t));
  CHECK_EQ(uv_handle_size(UV_UDP), sizeof(uv_udp_t));
  CHECK_EQ(uv_handle_size(UV_SIGNAL), sizeof(uv_signal_t));
  CHECK_EQ(uv_handle_size(UV_FS_EVENT), 0);
  CHECK_EQ(uv_handle_size(UV_HANDLE_TYPE_MAX), 0);

  CHECK_EQ(uv_req_size(UV_REQ), sizeof(uv_req_t));
  CHECK_EQ(uv_req_size(UV_CONNECT), sizeof(uv_connect_t));
  CHECK_EQ(uv_req_size(UV_WRITE), sizeof(uv_write_t));
  CHECK_EQ(uv_req_size(UV_SHUTDOWN), sizeof(uv_shutdown_t));
  CHECK_EQ(uv_req_size(UV_FS), sizeof(uv_fs_t));
  CHECK_EQ(uv_req_size(UV_WORK), sizeof(uv_work_t));
  CHECK_EQ(uv_req_size(UV_UDP_SEND), sizeof(uv_udp_send_t));
  CHECK_EQ(uv_req_size(UV_GETADDRINFO), sizeof(uv_getaddrinfo_t));
  CHECK_EQ(uv_req_size(UV_GETNAMEINFO), sizeof(uv_getnameinfo_t));
  CHECK_EQ(uv_req_size(UV_REQ_TYPE_MAX), 0);

  /* Every handle starts like uv_handle_t, every stream like uv_stream_t,
   * every request like uv_req_t. */
  CHECK_EQ(offsetof(uv_timer_t, type), offsetof(uv_handle_t, type));
  CHECK_EQ(offsetof(uv_tcp_t, write_queue_size), offsetof(uv_stream_t, write_queue_size));
  CHECK_EQ(offsetof(uv_pipe_t, ipc), sizeof(uv_stream_t));
  CHECK_EQ(offsetof(uv_fs_t, type), offsetof(uv_req_t, type));
  CHECK_EQ(offsetof(uv_handle_t, data), 0);
  CHECK_EQ(offsetof(uv_req_t, data), 0);
  CHECK_EQ(offsetof(uv_loop_t, data), 0);

  /* The public fields the library writes land where C reads them. */
  uv_loop_t loop;
  uv_pipe_t pipe;
  CHECK_EQ(uv_loop_init(&loop), 0);
  pipe.ipc = 7;
  CHECK_EQ(uv_pipe_init(&loop, &pipe, 1), 0);
  CHECK(pipe.loop == &loop);
  CHECK_EQ(pipe.type, UV_NAMED_PIPE);
  CHECK_EQ(pipe.ipc, 1);
  CHECK_EQ(pipe.write_queue_size, 0);
  uv_fs_t req;
  CHECK_EQ(uv_fs_fsync(&loop, &req, -1, NULL), UV_EBADF);
  CHECK_EQ(req.result, UV_EBADF);
  CHECK_EQ(req.fs_type, UV_FS_FSYNC);
  CHECK_EQ(req.type, UV_FS);
  CHECK(req.loop == &loop);
  uv_fs_req_cleanup(&req);
  uv_close((uv_handle_t *)&pipe, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
