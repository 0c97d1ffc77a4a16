/* iconv_open, iconv, iconv_close: pointers advanced exactly to the
 * failing point, E2BIG/EILSEQ/EINVAL, reset, BOMs, //TRANSLIT, //IGNORE. */
#include "test.h"
#include <iconv.h>

static size_t conv(iconv_t cd, const char *in, size_t inlen, char *out, size_t outlen, size_t *used_in, size_t *used_out) {
  char *ip = (char *)in, *op = out;
  size_t il = inlen, ol = outlen;
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  *used_in = (size_t)(ip - in);
  *used_out = (size_t)(op - out);
  CHECK_EQ(il, inlen - *used_in);
  CHECK_EQ(ol, outlen - *used_out);
  return r;
}

int main(void) {
  char out[64];
  size_t ui, uo;
  errno = 0;
  CHECK(iconv_open("EBCDIC", "UTF-8") == (iconv_t)-1);
  CHECK_EQ(errno, EINVAL);
  CHECK(iconv_open("UTF-8", "KOI8-R") == (iconv_t)-1);

  iconv_t cd = iconv_open("utf-16le", "UTF-8");
  CHECK(cd != (iconv_t)-1);
  CHECK_EQ(conv(cd, "A\xc3\xa9\xf0\x9f\x98\x80", 7, out, sizeof(out), &ui, &uo), 0);
  CHECK_EQ(ui, 7);
  CHECK_EQ(uo, 8);
  CHECK(memcmp(out, "A\0\xe9\0\x3d\xd8\x00\xde", 8) == 0);
  /* E2BIG: stops before the character that does not fit. */
  errno = 0;
  CHECK_EQ(conv(cd, "A\xf0\x9f\x98\x80", 5, out, 4, &ui, &uo), (size_t)-1);
  CHECK_EQ(errno, E2BIG);
  CHECK_EQ(ui, 1);
  CHECK_EQ(uo, 2);
  /* EILSEQ at the bad sequence; EINVAL for a truncated one at the end. */
  errno = 0;
  CHECK_EQ(conv(cd, "ab\xed\xa0\x80", 5, out, sizeof(out), &ui, &uo), (size_t)-1);
  CHECK_EQ(errno, EILSEQ);
  CHECK_EQ(ui, 2);
  CHECK_EQ(uo, 4);
  errno = 0;
  CHECK_EQ(conv(cd, "ab\xe2\x82", 4, out, sizeof(out), &ui, &uo), (size_t)-1);
  CHECK_EQ(errno, EINVAL);
  CHECK_EQ(ui, 2);
  CHECK_EQ(iconv(cd, NULL, NULL, NULL, NULL), 0);
  CHECK_EQ(iconv_close(cd), 0);

  /* UTF-16 writes a BOM once, and again after a reset. */
  cd = iconv_open("UTF-16", "UTF-8");
  CHECK_EQ(conv(cd, "A", 1, out, sizeof(out), &ui, &uo), 0);
  CHECK_EQ(uo, 4);
  CHECK(memcmp(out, "\xff\xfe" "A\0", 4) == 0);
  CHECK_EQ(conv(cd, "B", 1, out, sizeof(out), &ui, &uo), 0);
  CHECK_EQ(uo, 2);
  iconv(cd, NULL, NULL, NULL, NULL);
  CHECK_EQ(conv(cd, "C", 1, out, sizeof(out), &ui, &uo), 0);
  CHECK_EQ(uo, 4);
  iconv_close(cd);

  /* UTF-32 input with a big-endian BOM. */
  cd = iconv_open("UTF-8", "UTF-32");
  CHECK_EQ(conv(cd, "\0\0\xfe\xff\0\0\x20\xac", 8, out, sizeof(out), &ui, &uo), 0);
  CHECK_EQ(uo, 3);
  CHECK(memcmp(out, "\xe2\x82\xac", 3) == 0);
  iconv_close(cd);

  cd = iconv_open("ASCII//TRANSLIT", "ISO-8859-1");
  CHECK_EQ(conv(cd, "caf\xe9!", 5, out, sizeof(out), &ui, &uo), 1);
  CHECK(memcmp(out, "caf?!", 5) == 0);
  iconv_close(cd);
  cd = iconv_open("latin1//IGNORE", "UTF-8");
  CHECK_EQ(conv(cd, "a\xe2\x82\xac\xff" "b\xc3\xa9", 8, out, sizeof(out), &ui, &uo), 2);
  CHECK_EQ(uo, 3);
  CHECK(memcmp(out, "ab\xe9", 3) == 0);
  iconv_close(cd);
  cd = iconv_open("US-ASCII", "UTF-8");
  errno = 0;
  CHECK_EQ(conv(cd, "ok\xc3\xa9", 4, out, sizeof(out), &ui, &uo), (size_t)-1);
  CHECK_EQ(errno, EILSEQ);
  CHECK_EQ(ui, 2);
  iconv_close(cd);
  return test_summary();
}
