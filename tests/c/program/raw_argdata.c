/* program_get_raw_argdata: the start-up argdata is the configuration's
 * root map, with its descriptors numbered as the process sees them. */
#include "test.h"
#include <argdata.h>
#include <program.h>

static const char *const keys[] = {"stdout", "stderr", "tmp", "dirs", "cwd", "args", "env"};

int main(void) {
  const void *buf;
  size_t len;
  program_get_raw_argdata(&buf, &len);
  CHECK(len > 0);
  argdata_t *root = argdata_from_buffer(buf, len, NULL, NULL);
  argdata_map_iterator_t it;
  argdata_map_iterate(root, &it);
  CHECK_EQ(it.error, 0);
  const argdata_t *k, *v;
  size_t i = 0;
  for (; argdata_map_get(&it, &k, &v); argdata_map_next(&it), i++) {
    const char *name;
    CHECK_EQ(argdata_get_str_c(k, &name), 0);
    if (i < sizeof(keys) / sizeof(keys[0]))
      CHECK_STR(name, keys[i]);
    if (test_streq(name, "cwd")) {
      const char *cwd;
      CHECK_EQ(argdata_get_str_c(v, &cwd), 0);
      CHECK_STR(cwd, "/sandbox");
    } else if (test_streq(name, "args")) {
      argdata_seq_iterator_t si;
      argdata_seq_iterate(v, &si);
      const argdata_t *a;
      const char *s;
      CHECK(argdata_seq_get(&si, &a));
      CHECK_EQ(argdata_get_str_c(a, &s), 0);
      CHECK_STR(s, "one");
      argdata_seq_next(&si);
      CHECK(argdata_seq_get(&si, &a));
      CHECK_EQ(argdata_get_str_c(a, &s), 0);
      CHECK_STR(s, "two");
      argdata_seq_next(&si);
      CHECK(!argdata_seq_get(&si, &a));
    } else if (test_streq(name, "stdout")) {
      /* Without a conversion, descriptors cannot be taken from a buffer. */
      int fd;
      CHECK_EQ(argdata_get_fd(v, &fd), EBADF);
    }
  }
  CHECK_EQ(i, 7);
  CHECK_EQ(it.error, 0);
  argdata_free(root);
  return test_summary();
}
