/* Utilities and the compat system calls: descriptors guessed, resource
 * usage, the environment, directories, host information, process title,
 * the allocator, dynamic libraries and the handle listing. */
#include "test.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

static int mallocs;
static void *count_malloc(size_t n) {
  mallocs++;
  return malloc(n);
}

static void on_open(uv_fs_t *r) {
  CHECK(r->result >= 0);
  close((int)r->result);
  uv_fs_req_cleanup(r);
}

int main(int argc, char **argv) {
  char buf[64];
  size_t size;

  uv_buf_t b = uv_buf_init(buf, 10);
  CHECK(b.base == buf);
  CHECK_EQ(b.len, 10);
  uint64_t t1 = uv_hrtime(), t2 = uv_hrtime();
  CHECK(t1 > 0 && t2 >= t1);

  /* What kind of handle suits a descriptor. */
  int fds[2];
  CHECK_EQ(pipe(fds), 0);
  int file = openat(TEST_DIR_FD, "f", O_RDWR | O_CREAT, 0644);
  CHECK_EQ(uv_guess_handle(file), UV_FILE);
  CHECK_EQ(uv_guess_handle(fds[0]), UV_NAMED_PIPE);
  CHECK_EQ(uv_guess_handle(TEST_DIR_FD), UV_UNKNOWN_HANDLE);
  CHECK_EQ(uv_guess_handle(-1), UV_UNKNOWN_HANDLE);
  CHECK_EQ(uv_guess_handle(1000), UV_UNKNOWN_HANDLE);

  uv_rusage_t ru;
  for (volatile int i = 0; i < 1000000; i++) {
  }
  CHECK_EQ(uv_getrusage(&ru), 0);
  CHECK(ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0);
  CHECK_EQ(ru.ru_maxrss, 0);

  /* The environment (the test runs with TEST_VAR=value). */
  size = sizeof(buf);
  CHECK_EQ(uv_os_getenv("TEST_VAR", buf, &size), 0);
  CHECK_STR(buf, "value");
  CHECK_EQ(size, 5);
  size = 5;
  CHECK_EQ(uv_os_getenv("TEST_VAR", buf, &size), UV_ENOBUFS);
  CHECK_EQ(size, 6);
  size = sizeof(buf);
  CHECK_EQ(uv_os_getenv("NO_SUCH_VAR", buf, &size), UV_ENOENT);
  CHECK_EQ(uv_os_getenv(NULL, buf, &size), UV_EINVAL);
  CHECK_EQ(uv_os_setenv("UV_X", "1"), 0);
  size = sizeof(buf);
  CHECK_EQ(uv_os_getenv("UV_X", buf, &size), 0);
  CHECK_STR(buf, "1");
  CHECK_EQ(uv_os_unsetenv("UV_X"), 0);
  CHECK_EQ(uv_os_getenv("UV_X", buf, &size), UV_ENOENT);
  CHECK_EQ(uv_os_setenv("A=B", "1"), UV_EINVAL);

  /* Directories. */
  size = sizeof(buf);
  CHECK_EQ(uv_os_homedir(buf, &size), 0);
  CHECK_STR(buf, "/");
  CHECK_EQ(uv_os_setenv("HOME", "/sandbox/home"), 0);
  size = sizeof(buf);
  CHECK_EQ(uv_os_homedir(buf, &size), 0);
  CHECK_STR(buf, "/sandbox/home");
  size = sizeof(buf);
  CHECK_EQ(uv_os_tmpdir(buf, &size), 0);
  CHECK_STR(buf, "/tmp");
  CHECK_EQ(uv_os_setenv("TMPDIR", "/sandbox/t/"), 0);
  size = sizeof(buf);
  CHECK_EQ(uv_os_tmpdir(buf, &size), 0);
  CHECK_STR(buf, "/sandbox/t");
  size = sizeof(buf);
  CHECK_EQ(uv_cwd(buf, &size), 0);
  CHECK_STR(buf, "/sandbox");
  CHECK_EQ(size, 8);
  size = 8;
  CHECK_EQ(uv_cwd(buf, &size), UV_ENOBUFS);
  CHECK_EQ(size, 9);
  CHECK_EQ(uv_cwd(NULL, &size), UV_EINVAL);
  CHECK_EQ(mkdirat(TEST_DIR_FD, "sub"), 0);
  CHECK_EQ(uv_chdir("sub"), 0);
  size = sizeof(buf);
  CHECK_EQ(uv_cwd(buf, &size), 0);
  CHECK_STR(buf, "/sandbox/sub");
  CHECK_EQ(uv_chdir("/etc"), UV_ENOTCAPABLE);
  CHECK_EQ(uv_chdir("/sandbox"), 0);
  size = sizeof(buf);
  CHECK_EQ(uv_exepath(buf, &size), UV_ENOSYS);

  /* The host, as the sandbox sees it. */
  size = sizeof(buf);
  CHECK_EQ(uv_os_gethostname(buf, &size), 0);
  CHECK_STR(buf, "localhost");
  CHECK_EQ(uv_os_getpid(), getpid());
  CHECK_EQ(uv_os_getppid(), getppid());
  uv_cpu_info_t *cpus;
  int ncpus;
  CHECK_EQ(uv_cpu_info(&cpus, &ncpus), 0);
  CHECK(ncpus >= 1);
  CHECK_STR(cpus[0].model, "unknown");
  CHECK_EQ(cpus[0].speed, 0);
  uv_free_cpu_info(cpus, ncpus);
  double avg[3] = {1, 1, 1};
  uv_loadavg(avg);
  CHECK(avg[0] == 0 && avg[1] == 0 && avg[2] == 0);
  double up;
  CHECK_EQ(uv_uptime(&up), UV_ENOSYS);
  CHECK_EQ(uv_get_total_memory(), 0);
  size_t rss;
  CHECK_EQ(uv_resident_set_memory(&rss), UV_ENOSYS);
  uv_interface_address_t *ifs = (uv_interface_address_t *)1;
  int nifs = -1;
  CHECK_EQ(uv_interface_addresses(&ifs, &nifs), 0);
  CHECK_EQ(nifs, 0);
  uv_free_interface_addresses(ifs, nifs);
  uv_passwd_t pw;
  CHECK_EQ(uv_os_get_passwd(&pw), 0);
  CHECK_STR(pw.username, "nobody");
  CHECK_EQ(pw.uid, 65534);
  CHECK_EQ(pw.gid, 65534);
  CHECK(pw.shell != NULL && pw.homedir != NULL);
  uv_os_free_passwd(&pw);
  CHECK(pw.username == NULL);

  /* The process title starts as argv[0]. */
  char **args = uv_setup_args(argc, argv);
  CHECK(args == argv);
  CHECK_EQ(uv_get_process_title(buf, sizeof(buf)), 0);
  CHECK_STR(buf, argv[0]);
  CHECK_EQ(uv_set_process_title("worker"), 0);
  CHECK_EQ(uv_get_process_title(buf, sizeof(buf)), 0);
  CHECK_STR(buf, "worker");
  CHECK_EQ(uv_get_process_title(buf, 6), UV_ENOBUFS);
  CHECK_EQ(uv_get_process_title(NULL, 6), UV_EINVAL);

  /* No code can be loaded. */
  uv_lib_t lib;
  void *sym = &lib;
  CHECK_EQ(uv_dlopen("libz.so", &lib), -1);
  CHECK_STR(uv_dlerror(&lib), "dynamic loading is not supported");
  CHECK_EQ(uv_dlsym(&lib, "inflate", &sym), -1);
  CHECK(sym == NULL);
  uv_dlclose(&lib);
  CHECK_STR(uv_dlerror(&lib), "no error");

  /* A replaced allocator serves uv's own allocations. */
  CHECK_EQ(uv_replace_allocator(count_malloc, NULL, calloc, free), UV_EINVAL);
  CHECK_EQ(uv_replace_allocator(count_malloc, realloc, calloc, free), 0);
  uv_loop_t loop;
  CHECK_EQ(uv_loop_init(&loop), 0);
  uv_fs_t req;
  CHECK_EQ(uv_fs_open(&loop, &req, "f", O_RDONLY, 0, on_open), 0);
  CHECK(mallocs >= 1);

  /* The handle listing. */
  uv_timer_t t;
  uv_idle_t idle;
  CHECK_EQ(uv_timer_init(&loop, &t), 0);
  CHECK_EQ(uv_timer_start(&t, (uv_timer_cb)abort, 100000, 0), 0);
  CHECK_EQ(uv_idle_init(&loop, &idle), 0);
  uv_unref((uv_handle_t *)&idle);
  char *text;
  size_t len;
  FILE *f = open_memstream(&text, &len);
  uv_print_all_handles(&loop, f);
  fclose(f);
  char want[128];
  snprintf(want, sizeof(want), "[RA-] timer    %p\n[---] idle     %p\n", (void *)&t, (void *)&idle);
  CHECK_STR(text, want);
  free(text);
  f = open_memstream(&text, &len);
  uv_print_active_handles(&loop, f);
  fclose(f);
  snprintf(want, sizeof(want), "[RA-] timer    %p\n", (void *)&t);
  CHECK_STR(text, want);
  free(text);

  uv_close((uv_handle_t *)&t, NULL);
  uv_close((uv_handle_t *)&idle, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
