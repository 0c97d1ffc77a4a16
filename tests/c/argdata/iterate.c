/* argdata_seq_* / argdata_map_*: constructed and encoded containers,
 * nesting, and malformed data ending the iteration with EINVAL. */
#include "test.h"
#include <argdata.h>

static void constructed(void) {
  argdata_t *a = argdata_create_str_c("a"), *b = argdata_create_str_c("b");
  const argdata_t *items[] = {a, b};
  argdata_t *seq = argdata_create_seq(items, 2);
  const argdata_t *keys[] = {a};
  const argdata_t *values[] = {seq};
  argdata_t *map = argdata_create_map(keys, values, 1);

  argdata_map_iterator_t mi;
  argdata_map_iterate(map, &mi);
  CHECK_EQ(mi.error, 0);
  const argdata_t *k, *v;
  CHECK(argdata_map_get(&mi, &k, &v));
  CHECK(k == a);
  CHECK(v == seq);
  argdata_seq_iterator_t si;
  argdata_seq_iterate(v, &si);
  const argdata_t *e;
  CHECK(argdata_seq_get(&si, &e));
  CHECK(e == a);
  argdata_seq_next(&si);
  CHECK(argdata_seq_get(&si, &e));
  CHECK(e == b);
  argdata_seq_next(&si);
  CHECK(!argdata_seq_get(&si, &e));
  argdata_seq_next(&si);
  CHECK(!argdata_seq_get(&si, &e));
  CHECK_EQ(si.error, 0);
  argdata_map_next(&mi);
  CHECK(!argdata_map_get(&mi, &k, &v));

  /* Not a sequence: an empty iteration and EINVAL. */
  argdata_seq_iterate(map, &si);
  CHECK_EQ(si.error, EINVAL);
  CHECK(!argdata_seq_get(&si, &e));
  argdata_map_iterate(a, &mi);
  CHECK_EQ(mi.error, EINVAL);
  CHECK(!argdata_map_get(&mi, &k, &v));

  argdata_free(map);
  argdata_free(seq);
  argdata_free(a);
  argdata_free(b);
}

static void encoded(void) {
  /* {"k": [1, "x"]} */
  static const unsigned char enc[] = {0x06, 0x83, 0x08, 'k', 0,    0x88, 0x07, 0x82,
                                      0x05, 0x01, 0x83, 0x08, 'x', 0};
  argdata_t *map = argdata_from_buffer(enc, sizeof(enc), NULL, NULL);
  argdata_map_iterator_t mi;
  argdata_map_iterate(map, &mi);
  const argdata_t *k, *v;
  CHECK(argdata_map_get(&mi, &k, &v));
  const char *s;
  CHECK_EQ(argdata_get_str_c(k, &s), 0);
  CHECK_STR(s, "k");
  argdata_seq_iterator_t si;
  argdata_seq_iterate(v, &si);
  const argdata_t *e;
  int one = 0;
  CHECK(argdata_seq_get(&si, &e));
  CHECK_EQ(argdata_get_int(e, &one), 0);
  CHECK_EQ(one, 1);
  argdata_seq_next(&si);
  CHECK(argdata_seq_get(&si, &e));
  CHECK_EQ(argdata_get_str_c(e, &s), 0);
  CHECK_STR(s, "x");
  argdata_seq_next(&si);
  CHECK(!argdata_seq_get(&si, &e));
  CHECK_EQ(si.error, 0);
  argdata_map_next(&mi);
  CHECK(!argdata_map_get(&mi, &k, &v));
  CHECK_EQ(mi.error, 0);
  argdata_free(map);
}

static void malformed(void) {
  /* [true, <varint whose last byte never comes>] */
  static const unsigned char truncated[] = {0x07, 0x82, 0x02, 0x01, 0x01, 0x01};
  argdata_t *seq = argdata_from_buffer(truncated, sizeof(truncated), NULL, NULL);
  argdata_seq_iterator_t si;
  argdata_seq_iterate(seq, &si);
  const argdata_t *e;
  CHECK(argdata_seq_get(&si, &e));
  bool b = false;
  CHECK_EQ(argdata_get_bool(e, &b), 0);
  CHECK(b);
  argdata_seq_next(&si);
  CHECK(!argdata_seq_get(&si, &e));
  CHECK_EQ(si.error, EINVAL);
  argdata_free(seq);

  /* A map whose entry claims more bytes than there are. */
  static const unsigned char overlong[] = {0x06, 0x90, 0x08, 'k', 0};
  argdata_t *map = argdata_from_buffer(overlong, sizeof(overlong), NULL, NULL);
  argdata_map_iterator_t mi;
  argdata_map_iterate(map, &mi);
  const argdata_t *k, *v;
  CHECK(!argdata_map_get(&mi, &k, &v));
  CHECK_EQ(mi.error, EINVAL);
  argdata_free(map);
}

int main(void) {
  constructed();
  encoded();
  malformed();
  return test_summary();
}
