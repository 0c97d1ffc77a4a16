/* File system requests on descriptors, synchronous (no callback) and
 * asynchronous (on the pool, callback on the loop), with their errors. */
#include "test.h"
#include <fcntl.h>
#include <string.h>
#include <uv.h>

static uv_loop_t loop;
static uv_thread_t loop_thread;
static int callbacks;
static char rbuf[64];

static void on_fs(uv_fs_t *r) {
  uv_thread_t me = uv_thread_self();
  CHECK(uv_thread_equal(&me, &loop_thread));
  CHECK(r->loop == &loop);
  callbacks++;
  switch (r->fs_type) {
    case UV_FS_WRITE:
      CHECK_EQ(r->result, 11);
      break;
    case UV_FS_READ:
      CHECK_EQ(r->result, 11);
      CHECK(memcmp(rbuf, "async world", 11) == 0);
      break;
    case UV_FS_FSTAT:
      CHECK_EQ(r->result, 0);
      CHECK_EQ(r->statbuf.st_size, 11);
      break;
    case UV_FS_CLOSE:
      CHECK_EQ(r->result, 0);
      break;
    case UV_FS_FSYNC:
      CHECK_EQ(r->result, UV_EBADF);
      break;
    default:
      CHECK(0);
  }
  uv_fs_req_cleanup(r);
}

int main(void) {
  uv_fs_t req;
  loop_thread = uv_thread_self();
  CHECK_EQ(uv_loop_init(&loop), 0);
  int fd = openat(TEST_DIR_FD, "file.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0);

  /* Synchronous: the result comes back and stays in the request. */
  uv_buf_t parts[2] = {uv_buf_init("hello ", 6), uv_buf_init("world", 5)};
  CHECK_EQ(uv_fs_write(&loop, &req, fd, parts, 2, -1, NULL), 11);
  CHECK_EQ(req.result, 11);
  CHECK_EQ(req.fs_type, UV_FS_WRITE);
  uv_fs_req_cleanup(&req);
  char buf[32] = {0};
  uv_buf_t in = uv_buf_init(buf, sizeof(buf));
  CHECK_EQ(uv_fs_read(&loop, &req, fd, &in, 1, 0, NULL), 11);
  CHECK(memcmp(buf, "hello world", 11) == 0);
  CHECK_EQ(uv_fs_read(&loop, &req, fd, &in, 1, 11, NULL), 0);
  /* A refused request is still set up: cleaning it up is safe. */
  memset(&req, 0xff, sizeof(req));
  CHECK_EQ(uv_fs_read(&loop, &req, fd, &in, 0, 0, NULL), UV_EINVAL);
  CHECK_EQ(req.fs_type, UV_FS_READ);
  uv_fs_req_cleanup(&req);

  CHECK_EQ(uv_fs_fstat(&loop, &req, fd, NULL), 0);
  CHECK_EQ(req.statbuf.st_size, 11);
  CHECK(S_ISREG(req.statbuf.st_mode));
  CHECK(req.ptr == &req.statbuf);
  uv_fs_req_cleanup(&req);

  CHECK_EQ(uv_fs_ftruncate(&loop, &req, fd, 5, NULL), 0);
  CHECK_EQ(uv_fs_fstat(&loop, &req, fd, NULL), 0);
  CHECK_EQ(req.statbuf.st_size, 5);
  CHECK_EQ(uv_fs_futime(&loop, &req, fd, 1000000000.5, 1234567890.25, NULL), 0);
  CHECK_EQ(uv_fs_fstat(&loop, &req, fd, NULL), 0);
  CHECK_EQ(req.statbuf.st_mtim.tv_sec, 1234567890);
  CHECK_EQ(req.statbuf.st_mtim.tv_nsec, 250000000);
  CHECK_EQ(req.statbuf.st_atim.tv_sec, 1000000000);
  CHECK_EQ(uv_fs_fsync(&loop, &req, fd, NULL), 0);
  CHECK_EQ(uv_fs_fdatasync(&loop, &req, fd, NULL), 0);

  /* sendfile copies from an offset without moving the input's position. */
  int out = openat(TEST_DIR_FD, "copy.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(out >= 0);
  CHECK_EQ(uv_fs_sendfile(&loop, &req, out, fd, 1, 100, NULL), 4);
  memset(buf, 0, sizeof(buf));
  CHECK_EQ(uv_fs_read(&loop, &req, out, &in, 1, 0, NULL), 4);
  CHECK_STR(buf, "ello");
  CHECK_EQ(uv_fs_close(&loop, &req, out, NULL), 0);

  /* Errors: a closed descriptor, a read-only one written to. */
  CHECK_EQ(uv_fs_close(&loop, &req, out, NULL), UV_EBADF);
  CHECK_EQ(uv_fs_fstat(&loop, &req, -1, NULL), UV_EBADF);
  int ro = openat(TEST_DIR_FD, "file.txt", O_RDONLY);
  CHECK(ro >= 0);
  CHECK_EQ(uv_fs_write(&loop, &req, ro, parts, 1, 0, NULL), UV_ENOTCAPABLE);
  CHECK_EQ(uv_fs_ftruncate(&loop, &req, ro, 0, NULL), UV_ENOTCAPABLE);
  CHECK_EQ(uv_fs_close(&loop, &req, ro, NULL), 0);
  CHECK_EQ(uv_get_osfhandle(fd), fd);

  /* Asynchronous: 0 now, the result in the callback. */
  uv_fs_t a, b, c, d;
  CHECK_EQ(uv_fs_ftruncate(&loop, &req, fd, 0, NULL), 0);
  uv_buf_t msg = uv_buf_init("async world", 11);
  CHECK_EQ(uv_fs_write(&loop, &a, fd, &msg, 1, 0, on_fs), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  uv_buf_t rin = uv_buf_init(rbuf, sizeof(rbuf));
  CHECK_EQ(uv_fs_read(&loop, &b, fd, &rin, 1, 0, on_fs), 0);
  CHECK_EQ(uv_fs_fstat(&loop, &c, fd, on_fs), 0);
  CHECK_EQ(uv_fs_fsync(&loop, &d, 1000, on_fs), 0);
  CHECK_EQ(callbacks, 1);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(callbacks, 4);
  CHECK_EQ(uv_fs_close(&loop, &a, fd, on_fs), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(callbacks, 5);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
