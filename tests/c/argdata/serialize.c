/* argdata_serialize: the exact bytes, descriptor renumbering, round trips. */
#include "test.h"
#include <argdata.h>

static const unsigned char reference[] = {0x07, 0x81, 0x05, 0x82, 0x02, 0x01, 0x83, 0x08, 0x41, 0x00};

static void reference_sequence(void) {
  argdata_t *zero = argdata_create_int(0);
  argdata_t *a = argdata_create_str_c("A");
  const argdata_t *items[] = {zero, &argdata_true, a};
  argdata_t *seq = argdata_create_seq(items, 3);
  size_t len = 99, nfds = 99;
  argdata_serialized_length(seq, &len, &nfds);
  CHECK_EQ(len, sizeof(reference));
  CHECK_EQ(nfds, 0);
  unsigned char buf[sizeof(reference)];
  CHECK_EQ(argdata_serialize(seq, buf, NULL), 0);
  CHECK(memcmp(buf, reference, sizeof(buf)) == 0);
  argdata_free(seq);
  argdata_free(a);
  argdata_free(zero);
}

static void renumbering(void) {
  argdata_t *out = argdata_create_fd(1);
  argdata_t *err = argdata_create_fd(2);
  const argdata_t *items[] = {err, out, err};
  argdata_t *seq = argdata_create_seq(items, 3);
  size_t len, nfds;
  argdata_serialized_length(seq, &len, &nfds);
  CHECK_EQ(len, 1 + 3 * 6);
  CHECK_EQ(nfds, 3);
  unsigned char buf[19];
  int fds[3] = {-5, -5, -5};
  CHECK_EQ(argdata_serialize(seq, buf, fds), 2);
  CHECK_EQ(fds[0], 2);
  CHECK_EQ(fds[1], 1);
  CHECK_EQ(fds[2], -5);
  /* 07 | 85 03 00000000 | 85 03 00000001 | 85 03 00000000 */
  CHECK_EQ(buf[6], 0);
  CHECK_EQ(buf[12], 1);
  CHECK_EQ(buf[18], 0);
  argdata_serialize(seq, buf, NULL);
  CHECK_EQ(buf[6], 2);
  CHECK_EQ(buf[12], 1);
  argdata_free(seq);
  argdata_free(out);
  argdata_free(err);
}

static int plus_hundred(void *arg, size_t fd) {
  CHECK(arg == (void *)reference);
  return fd < 2 ? (int)fd + 100 : -1;
}

static void round_trip(void) {
  argdata_t *big = argdata_create_int((unsigned long long)-1);
  struct timespec ts = {-2, 5};
  argdata_t *when = argdata_create_timestamp(&ts);
  argdata_t *pi = argdata_create_float(3.25);
  argdata_t *fd = argdata_create_fd(1);
  const argdata_t *keys[] = {big, when};
  const argdata_t *values[] = {pi, fd};
  argdata_t *map = argdata_create_map(keys, values, 2);
  size_t len;
  argdata_serialized_length(map, &len, NULL);
  unsigned char buf[64];
  CHECK(len <= sizeof(buf));
  int fds[1];
  CHECK_EQ(argdata_serialize(map, buf, fds), 1);
  CHECK_EQ(fds[0], 1);

  argdata_t *back = argdata_from_buffer(buf, len, plus_hundred, (void *)reference);
  argdata_map_iterator_t it;
  argdata_map_iterate(back, &it);
  const argdata_t *k, *v;
  CHECK(argdata_map_get(&it, &k, &v));
  unsigned long long u = 0;
  CHECK_EQ(argdata_get_int(k, &u), 0);
  CHECK(u == (unsigned long long)-1);
  long long s;
  CHECK_EQ(argdata_get_int(k, &s), ERANGE);
  double d = 0;
  CHECK_EQ(argdata_get_float(v, &d), 0);
  CHECK(d == 3.25);
  argdata_map_next(&it);
  CHECK(argdata_map_get(&it, &k, &v));
  struct timespec got;
  CHECK_EQ(argdata_get_timestamp(k, &got), 0);
  CHECK_EQ(got.tv_sec, -2);
  CHECK_EQ(got.tv_nsec, 5);
  int n = -1;
  CHECK_EQ(argdata_get_fd(v, &n), 0);
  CHECK_EQ(n, 100);
  argdata_map_next(&it);
  CHECK(!argdata_map_get(&it, &k, &v));
  CHECK_EQ(it.error, 0);
  argdata_free(back);

  argdata_free(map);
  argdata_free(fd);
  argdata_free(pi);
  argdata_free(when);
  argdata_free(big);
}

int main(void) {
  reference_sequence();
  renumbering();
  round_trip();
  return test_summary();
}
