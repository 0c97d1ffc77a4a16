/* argdata_writer_* / argdata_reader_*: messages over a socket, with the
 * descriptors they refer to passed along. */
#include "test.h"
#include <argdata.h>
#include <cloudabi_syscalls.h>

int main(void) {
  cloudabi_fd_t a, b;
  CHECK_EQ(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b), 0);

  argdata_t *k_out = argdata_create_str_c("out"), *k_n = argdata_create_str_c("n");
  argdata_t *out = argdata_create_fd(1), *n = argdata_create_int(42);
  const argdata_t *keys[] = {k_out, k_n}, *values[] = {out, n};
  argdata_t *map = argdata_create_map(keys, values, 2);

  argdata_writer_t *aw = argdata_writer_create();
  argdata_writer_set(aw, map);
  CHECK_EQ(argdata_writer_push(aw, a), 0);
  CHECK_EQ(argdata_writer_push(aw, a), 0);
  /* Descriptors cannot travel through a directory. */
  argdata_writer_set(aw, map);
  CHECK(argdata_writer_push(aw, TEST_DIR_FD) != 0);

  argdata_reader_t *ar = argdata_reader_create(1024, 4);
  CHECK_EQ(argdata_reader_pull(ar, b), 0);
  const argdata_t *got = argdata_reader_get(ar);
  CHECK(got != NULL);
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  int passed = -1, number = 0;
  for (argdata_map_iterate(got, &it); argdata_map_get(&it, &k, &v); argdata_map_next(&it)) {
    const char *name;
    CHECK_EQ(argdata_get_str_c(k, &name), 0);
    if (test_streq(name, "out"))
      CHECK_EQ(argdata_get_fd(v, &passed), 0);
    else
      CHECK_EQ(argdata_get_int(v, &number), 0);
  }
  CHECK_EQ(it.error, 0);
  CHECK_EQ(number, 42);
  CHECK(passed >= 0 && passed != 1);
  CHECK_EQ(write(passed, "through a passed descriptor\n", 28), 28);

  /* Released: the caller owns it, the message no longer hands it out. */
  argdata_reader_release_fd(ar, passed);
  argdata_map_iterate(got, &it);
  CHECK(argdata_map_get(&it, &k, &v));
  int again;
  CHECK_EQ(argdata_get_fd(v, &again), EBADF);
  CHECK_EQ(close(passed), 0);

  /* End of the stream between messages. */
  CHECK_EQ(close(a), 0);
  CHECK_EQ(argdata_reader_pull(ar, b), 0);
  CHECK(argdata_reader_get(ar) == NULL);

  argdata_reader_free(ar);
  argdata_writer_free(aw);
  argdata_free(map);
  argdata_free(n);
  argdata_free(out);
  argdata_free(k_n);
  argdata_free(k_out);
  CHECK_EQ(close(b), 0);
  return test_summary();
}
