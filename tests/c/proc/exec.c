/* proc_exec under full confinement. The program runs twice. Started by
 * the launcher, it opens its own copy beneath a directory granted with
 * `exec: true`, asking for PROC_EXEC alone, checks that failed execs
 * change nothing, and executes that copy with new argdata and a table of
 * three descriptors: a socket carrying a line (narrowed to reading), then
 * standard output and error. Started so, it finds them renumbered 0, 1
 * and 2 as the argdata says, with their rights, and nothing else open,
 * and prints the line. */
#include "test.h"
#include <argdata.h>
#include <cloudabi_syscalls.h>
#include <fcntl.h>
#include <program.h>
#include <stdlib.h>

static const argdata_t *value_of(const argdata_t *ad, const char *key) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &k, &v); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(k, &name) == 0 && test_streq(name, key))
      return v;
  }
  return NULL;
}

static int fd_of(const argdata_t *ad, const char *key) {
  const argdata_t *v = value_of(ad, key);
  int fd = -1;
  if (v != NULL)
    CHECK_EQ(argdata_get_fd(v, &fd), 0);
  return fd;
}

static const cloudabi_rights_t EXTRA_RIGHTS = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_STAT_FGET;

static void second_run(const argdata_t *ad) {
  int extra = fd_of(ad, "extra"), out = fd_of(ad, "stdout"), err = fd_of(ad, "stderr");
  CHECK_EQ(extra, 0);
  CHECK_EQ(out, 1);
  CHECK_EQ(err, 2);
  int open_count = 0;
  for (int fd = 0; fd < 4096; fd++)
    if (fcntl(fd, F_GETFD) != -1)
      open_count++;
  CHECK_EQ(open_count, 3);
  cloudabi_fdstat_t st;
  CHECK_EQ(cloudabi_sys_fd_stat_get(extra, &st), 0);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_STREAM);
  CHECK_EQ(st.fs_rights_base, EXTRA_RIGHTS);
  char line[64];
  ssize_t n = read(extra, line, sizeof(line));
  CHECK(n > 0);
  CHECK_EQ(write(out, "second run: ", 12), 12);
  CHECK_EQ(write(out, line, n > 0 ? n : 0), n);
  exit(test_summary());
}

void program_main(const argdata_t *ad) {
  const char *stage;
  const argdata_t *v = value_of(ad, "stage");
  if (v != NULL && argdata_get_str_c(v, &stage) == 0 && test_streq(stage, "two"))
    second_run(ad);

  int bin = fd_of(ad, "bin"), tmp = fd_of(ad, "tmp");
  cloudabi_fdstat_t exec_only = {.fs_rights_base = CLOUDABI_RIGHT_PROC_EXEC};
  cloudabi_fd_t exe = 1234;
  cloudabi_lookup_t in_tmp = {.fd = tmp, .flags = CLOUDABI_LOOKUP_SYMLINK_FOLLOW};
  CHECK_EQ(cloudabi_sys_file_open(in_tmp, "program", 7, 0, &exec_only, &exe), CLOUDABI_ENOTCAPABLE);
  cloudabi_lookup_t in_bin = {.fd = bin, .flags = CLOUDABI_LOOKUP_SYMLINK_FOLLOW};
  CHECK_EQ(cloudabi_sys_file_open(in_bin, "program", 7, 0, &exec_only, &exe), 0);

  CHECK_EQ(cloudabi_sys_proc_exec(tmp, "", 0, NULL, 0), CLOUDABI_ENOTCAPABLE);
  cloudabi_fd_t closed[2] = {1, 1000};
  CHECK_EQ(cloudabi_sys_proc_exec(exe, "", 0, closed, 2), CLOUDABI_EBADF);
  CHECK_EQ(write(1, "", 0), 0);

  cloudabi_fd_t extra, writer;
  CHECK_EQ(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &extra, &writer), 0);
  CHECK_EQ(write(writer, "hello through an extra descriptor\n", 34), 34);
  cloudabi_fdstat_t narrow = {.fs_rights_base = EXTRA_RIGHTS};
  CHECK_EQ(cloudabi_sys_fd_stat_put(extra, &narrow, CLOUDABI_FDSTAT_RIGHTS), 0);

  const argdata_t *keys[] = {argdata_create_str_c("extra"), argdata_create_str_c("stdout"),
                             argdata_create_str_c("stderr"), argdata_create_str_c("stage")};
  const argdata_t *values[] = {argdata_create_fd(extra), argdata_create_fd(1), argdata_create_fd(2),
                               argdata_create_str_c("two")};
  argdata_t *next = argdata_create_map(keys, values, 4);
  size_t len, nfds;
  argdata_serialized_length(next, &len, &nfds);
  void *data = malloc(len);
  int *fds = malloc(nfds * sizeof(int));
  CHECK_EQ(argdata_serialize(next, data, fds), 3);
  CHECK_EQ(cloudabi_sys_proc_exec(exe, data, len, (const cloudabi_fd_t *)fds, 3), 0);
  exit(test_summary());
}
