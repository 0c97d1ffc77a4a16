/* argdata_get_*: types, ranges and malformed input give error numbers. */
#include "test.h"
#include <argdata.h>

int main(void) {
  argdata_t *n = argdata_create_int(300);
  bool b;
  double d;
  int fd;
  const char *s;
  size_t len;
  const void *bin;
  struct timespec ts;
  CHECK_EQ(argdata_get_bool(n, &b), EINVAL);
  CHECK_EQ(argdata_get_float(n, &d), EINVAL);
  CHECK_EQ(argdata_get_fd(n, &fd), EINVAL);
  CHECK_EQ(argdata_get_str(n, &s, &len), EINVAL);
  CHECK_EQ(argdata_get_str_c(n, &s), EINVAL);
  CHECK_EQ(argdata_get_binary(n, &bin, &len), EINVAL);
  CHECK_EQ(argdata_get_timestamp(n, &ts), EINVAL);
  signed char c = 7;
  CHECK_EQ(argdata_get_int(n, &c), ERANGE);
  CHECK_EQ(c, 7);
  short sh = 0;
  CHECK_EQ(argdata_get_int(n, &sh), 0);
  CHECK_EQ(sh, 300);
  intmax_t i;
  CHECK_EQ(argdata_get_int_s(n, &i, 0, 299), ERANGE);
  uintmax_t u;
  CHECK_EQ(argdata_get_int_u(n, &u, 300), 0);
  CHECK_EQ(u, 300);
  argdata_free(n);

  CHECK_EQ(argdata_get_bool(&argdata_true, &b), 0);
  CHECK(b);
  CHECK_EQ(argdata_get_bool(&argdata_false, &b), 0);
  CHECK(!b);
  CHECK_EQ(argdata_get_bool(&argdata_null, &b), EINVAL);

  errno = 0;
  CHECK(argdata_create_str("\xc3", 1) == NULL);
  CHECK_EQ(errno, EILSEQ);
  errno = 0;
  CHECK(argdata_create_fd(-1) == NULL);
  CHECK_EQ(errno, EBADF);
  ts.tv_sec = 0;
  ts.tv_nsec = 1000000000;
  errno = 0;
  CHECK(argdata_create_timestamp(&ts) == NULL);
  CHECK_EQ(errno, EINVAL);

  /* Malformed encodings: a bool of 2, a 3-byte descriptor, a string
   * without its terminator, bad UTF-8, a 17-byte integer. */
  static const unsigned char bad_bool[] = {2, 2}, bad_fd[] = {3, 0, 0, 1},
                             bad_str[] = {8, 'a'}, bad_utf8[] = {8, 0xff, 0},
                             huge[] = {5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  argdata_t *v = argdata_from_buffer(bad_bool, sizeof(bad_bool), NULL, NULL);
  CHECK_EQ(argdata_get_bool(v, &b), EINVAL);
  argdata_free(v);
  v = argdata_from_buffer(bad_fd, sizeof(bad_fd), NULL, NULL);
  CHECK_EQ(argdata_get_fd(v, &fd), EINVAL);
  argdata_free(v);
  v = argdata_from_buffer(bad_str, sizeof(bad_str), NULL, NULL);
  CHECK_EQ(argdata_get_str(v, &s, &len), EINVAL);
  argdata_free(v);
  v = argdata_from_buffer(bad_utf8, sizeof(bad_utf8), NULL, NULL);
  CHECK_EQ(argdata_get_str_c(v, &s), EILSEQ);
  argdata_free(v);
  v = argdata_from_buffer(huge, sizeof(huge), NULL, NULL);
  CHECK_EQ(argdata_get_int_s(v, &i, INTMAX_MIN, INTMAX_MAX), ERANGE);
  argdata_free(v);

  /* A descriptor in a buffer without a conversion is unavailable. */
  static const unsigned char three[] = {3, 0, 0, 0, 3};
  v = argdata_from_buffer(three, sizeof(three), NULL, NULL);
  CHECK_EQ(argdata_get_fd(v, &fd), EBADF);
  argdata_free(v);
  return test_summary();
}
