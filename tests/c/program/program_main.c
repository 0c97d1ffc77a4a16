/* A program that defines program_main receives the start-up argdata
 * directly, with descriptors it can use as they are. */
#include "test.h"
#include <argdata.h>
#include <program.h>
#include <stdlib.h>

void program_main(const argdata_t *ad) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  int out = -1, dir = -1;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &k, &v); argdata_map_next(&it)) {
    const char *name;
    if (argdata_get_str_c(k, &name) != 0)
      continue;
    if (test_streq(name, "stdout"))
      CHECK_EQ(argdata_get_fd(v, &out), 0);
    if (test_streq(name, "tmp"))
      CHECK_EQ(argdata_get_fd(v, &dir), 0);
  }
  CHECK_EQ(it.error, 0);
  CHECK_EQ(dir, TEST_DIR_FD);
  CHECK(out >= 0);
  CHECK_EQ(write(out, "through argdata\n", 16), 16);

  /* The same bytes program_get_raw_argdata gives, serialised again. */
  const void *raw;
  size_t len, size, nfds;
  program_get_raw_argdata(&raw, &len);
  argdata_serialized_length(ad, &size, &nfds);
  CHECK_EQ(size, len);
  CHECK_EQ(nfds, 4);
  exit(test_summary());
}
