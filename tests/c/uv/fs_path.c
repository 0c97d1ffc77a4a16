/* The compat path requests resolve through the directory grants (the
 * test's directory is /sandbox, also the current directory); paths under
 * no grant fail with UV_ENOTCAPABLE. */
#include "test.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static uv_loop_t loop;
static int async_opened = -1, async_scanned = -1;

static void on_open(uv_fs_t *r) {
  async_opened = (int)r->result;
  CHECK_STR(r->path, "/sandbox/dir/two.txt");
  uv_fs_req_cleanup(r);
  CHECK(r->path == NULL);
}

static void on_scandir(uv_fs_t *r) {
  async_scanned = (int)r->result;
  uv_dirent_t ent;
  CHECK_EQ(uv_fs_scandir_next(r, &ent), 0);
  uv_fs_req_cleanup(r);
}

int main(void) {
  uv_fs_t req;
  CHECK_EQ(uv_loop_init(&loop), 0);

  /* Outside the grants. */
  CHECK_EQ(uv_fs_open(&loop, &req, "/etc/passwd", O_RDONLY, 0, NULL), UV_ENOTCAPABLE);
  uv_fs_req_cleanup(&req);
  CHECK_EQ(uv_fs_stat(&loop, &req, "/etc", NULL), UV_ENOTCAPABLE);
  /* "/" exists as the read-only way to the grant; nothing else beside it. */
  CHECK_EQ(uv_fs_stat(&loop, &req, "../..", NULL), 0);
  CHECK_EQ(uv_fs_stat(&loop, &req, "../../etc", NULL), UV_ENOTCAPABLE);
  CHECK_EQ(uv_fs_open(&loop, &req, "../outside", O_RDONLY, 0, NULL), UV_ENOTCAPABLE);
  CHECK_EQ(uv_fs_mkdir(&loop, &req, "/tmp/x", 0755, NULL), UV_ENOTCAPABLE);
  memset(&req, 0xff, sizeof(req));
  CHECK_EQ(uv_fs_open(&loop, &req, NULL, O_RDONLY, 0, NULL), UV_EINVAL);
  uv_fs_req_cleanup(&req);
  memset(&req, 0xff, sizeof(req));
  CHECK_EQ(uv_fs_rename(&loop, &req, "a", NULL, NULL), UV_EINVAL);
  uv_fs_req_cleanup(&req);

  /* Inside: create, write, stat (relative and absolute names). */
  CHECK_EQ(uv_fs_mkdir(&loop, &req, "dir", 0755, NULL), 0);
  CHECK_EQ(uv_fs_mkdir(&loop, &req, "dir", 0755, NULL), UV_EEXIST);
  CHECK_EQ(uv_fs_mkdir(&loop, &req, "private", 0700, NULL), 0);
  CHECK_EQ(uv_fs_stat(&loop, &req, "private", NULL), 0);
  CHECK_EQ(req.statbuf.st_mode & 07777, 0700);
  CHECK_EQ(uv_fs_rmdir(&loop, &req, "private", NULL), 0);
  int fd = uv_fs_open(&loop, &req, "dir/one.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644, NULL);
  CHECK(fd >= 0);
  CHECK_EQ(req.result, fd);
  CHECK_STR(req.path, "dir/one.txt");
  uv_fs_req_cleanup(&req);
  uv_buf_t b = uv_buf_init("payload", 7);
  CHECK_EQ(uv_fs_write(&loop, &req, fd, &b, 1, 0, NULL), 7);
  CHECK_EQ(uv_fs_close(&loop, &req, fd, NULL), 0);
  CHECK_EQ(uv_fs_stat(&loop, &req, "/sandbox/dir/one.txt", NULL), 0);
  CHECK_EQ(req.statbuf.st_size, 7);
  CHECK(S_ISREG(req.statbuf.st_mode));
  CHECK(req.ptr == &req.statbuf);
  uv_fs_req_cleanup(&req);
  CHECK_EQ(uv_fs_stat(&loop, &req, "dir/none", NULL), UV_ENOENT);
  CHECK_EQ(uv_fs_access(&loop, &req, "dir/one.txt", R_OK | W_OK, NULL), 0);
  CHECK_EQ(uv_fs_access(&loop, &req, "dir/none", F_OK, NULL), UV_ENOENT);
  CHECK_EQ(uv_fs_chmod(&loop, &req, "dir/one.txt", 0600, NULL), 0);
  CHECK_EQ(uv_fs_stat(&loop, &req, "dir/one.txt", NULL), 0);
  CHECK_EQ(req.statbuf.st_mode & 07777, 0600);
  CHECK_EQ(uv_fs_chmod(&loop, &req, "dir/none", 0600, NULL), UV_ENOENT);
  CHECK_EQ(uv_fs_chmod(&loop, &req, "dir/one.txt", 04755, NULL), UV_EPERM);
  CHECK_EQ(uv_fs_utime(&loop, &req, "dir/one.txt", 100.0, 200.5, NULL), 0);
  CHECK_EQ(uv_fs_stat(&loop, &req, "dir/one.txt", NULL), 0);
  CHECK_EQ(req.statbuf.st_mtim.tv_sec, 200);
  CHECK_EQ(req.statbuf.st_mtim.tv_nsec, 500000000);

  /* Copies, links, renames. */
  CHECK_EQ(uv_fs_copyfile(&loop, &req, "dir/one.txt", "dir/two.txt", 0, NULL), 0);
  CHECK_EQ(uv_fs_copyfile(&loop, &req, "dir/one.txt", "dir/two.txt", UV_FS_COPYFILE_EXCL, NULL), UV_EEXIST);
  CHECK_EQ(uv_fs_copyfile(&loop, &req, "dir/one.txt", "dir/two.txt", 8, NULL), UV_EINVAL);
  CHECK_EQ(uv_fs_stat(&loop, &req, "dir/two.txt", NULL), 0);
  CHECK_EQ(req.statbuf.st_size, 7);
  CHECK_EQ(uv_fs_link(&loop, &req, "dir/one.txt", "dir/hard", NULL), 0);
  CHECK_EQ(uv_fs_stat(&loop, &req, "dir/one.txt", NULL), 0);
  CHECK_EQ(req.statbuf.st_nlink, 2);
  CHECK_EQ(uv_fs_symlink(&loop, &req, "one.txt", "dir/soft", 0, NULL), 0);
  CHECK_EQ(uv_fs_lstat(&loop, &req, "dir/soft", NULL), 0);
  CHECK(S_ISLNK(req.statbuf.st_mode));
  CHECK_EQ(uv_fs_readlink(&loop, &req, "dir/soft", NULL), 0);
  CHECK_STR((char *)req.ptr, "one.txt");
  uv_fs_req_cleanup(&req);
  CHECK(req.ptr == NULL);
  CHECK_EQ(uv_fs_realpath(&loop, &req, "dir/../dir/one.txt", NULL), 0);
  CHECK_STR((char *)req.ptr, "/sandbox/dir/one.txt");
  uv_fs_req_cleanup(&req);
  CHECK_EQ(uv_fs_rename(&loop, &req, "dir/hard", "dir/moved", NULL), 0);
  CHECK_EQ(uv_fs_stat(&loop, &req, "dir/hard", NULL), UV_ENOENT);

  /* Directory listings: sorted, without dot entries. */
  CHECK_EQ(uv_fs_scandir(&loop, &req, "dir", 0, NULL), 4);
  const char *names[] = {"moved", "one.txt", "soft", "two.txt"};
  int types[] = {UV_DIRENT_FILE, UV_DIRENT_FILE, UV_DIRENT_LINK, UV_DIRENT_FILE};
  uv_dirent_t ent;
  for (int i = 0; i < 4; i++) {
    CHECK_EQ(uv_fs_scandir_next(&req, &ent), 0);
    CHECK_STR(ent.name, names[i]);
    CHECK_EQ(ent.type, types[i]);
  }
  CHECK_EQ(uv_fs_scandir_next(&req, &ent), UV_EOF);
  uv_fs_req_cleanup(&req);
  CHECK_EQ(uv_fs_scandir(&loop, &req, "none", 0, NULL), UV_ENOENT);
  CHECK_EQ(uv_fs_scandir_next(&req, &ent), UV_ENOENT);
  uv_fs_req_cleanup(&req);

  /* Temporary directories, removal. */
  CHECK_EQ(uv_fs_mkdtemp(&loop, &req, "dir/tmpXXXXXX", NULL), 0);
  CHECK(strncmp(req.path, "dir/tmp", 7) == 0 && strlen(req.path) == 13);
  CHECK(strcmp(req.path, "dir/tmpXXXXXX") != 0);
  char made[32];
  strcpy(made, req.path);
  uv_fs_req_cleanup(&req);
  CHECK_EQ(uv_fs_rmdir(&loop, &req, made, NULL), 0);
  CHECK_EQ(uv_fs_rmdir(&loop, &req, "dir", NULL), UV_ENOTEMPTY);
  CHECK_EQ(uv_fs_unlink(&loop, &req, "dir/moved", NULL), 0);
  CHECK_EQ(uv_fs_unlink(&loop, &req, "dir/moved", NULL), UV_ENOENT);

  /* Owners and modes of open files. */
  fd = uv_fs_open(&loop, &req, "dir/one.txt", O_RDONLY, 0, NULL);
  CHECK(fd >= 0);
  CHECK_EQ(uv_fs_fchmod(&loop, &req, fd, 0644, NULL), 0);
  CHECK_EQ(uv_fs_fstat(&loop, &req, fd, NULL), 0);
  CHECK_EQ(req.statbuf.st_mode & 07777, 0644);
  CHECK_EQ(uv_fs_fchmod(&loop, &req, 99, 0644, NULL), UV_EBADF);
  CHECK_EQ(uv_fs_fchown(&loop, &req, fd, (uv_uid_t)-1, (uv_gid_t)-1, NULL), 0);
  CHECK_EQ(uv_fs_fchown(&loop, &req, fd, 65534, 65534, NULL), 0);
  CHECK_EQ(uv_fs_fchown(&loop, &req, fd, 0, 0, NULL), UV_EPERM);
  CHECK_EQ(uv_fs_fchown(&loop, &req, 99, (uv_uid_t)-1, (uv_gid_t)-1, NULL), UV_EBADF);
  CHECK_EQ(uv_fs_close(&loop, &req, fd, NULL), 0);

  /* With callbacks, on the pool; the path is the request's own copy. */
  char path[32] = "/sandbox/dir/two.txt";
  uv_fs_t a, s;
  CHECK_EQ(uv_fs_open(&loop, &a, path, O_RDONLY, 0, on_open), 0);
  memset(path, 0, sizeof(path));
  CHECK_EQ(uv_fs_scandir(&loop, &s, "/sandbox/dir", 0, on_scandir), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK(async_opened >= 0);
  CHECK_EQ(async_scanned, 3);
  CHECK_EQ(close(async_opened), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
