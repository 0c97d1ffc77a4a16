/* mbrtoc16, c16rtomb, mbrtoc32, c32rtomb: surrogate pairs across calls. */
#include "test.h"
#include <locale.h>
#include <uchar.h>

int main(void) {
  setlocale(LC_CTYPE, "C.UTF-8");
  mbstate_t st = {0};
  char16_t u;
  const char *s = "\xf0\x9f\x98\x80" "A";
  CHECK_EQ(mbrtoc16(&u, s, 5, &st), 4);
  CHECK_EQ(u, 0xd83d);
  CHECK_EQ(mbrtoc16(&u, s + 4, 1, &st), (size_t)-3);
  CHECK_EQ(u, 0xde00);
  CHECK_EQ(mbrtoc16(&u, s + 4, 1, &st), 1);
  CHECK_EQ(u, 'A');
  CHECK_EQ(mbrtoc16(&u, "\xe2\x82", 2, &st), (size_t)-2);
  CHECK_EQ(mbrtoc16(&u, "\xac", 1, &st), 1);
  CHECK_EQ(u, 0x20ac);

  char out[8];
  memset(&st, 0, sizeof(st));
  CHECK_EQ(c16rtomb(out, 0xd83d, &st), 0);
  CHECK_EQ(c16rtomb(out, 0xde00, &st), 4);
  CHECK(memcmp(out, "\xf0\x9f\x98\x80", 4) == 0);
  errno = 0;
  CHECK_EQ(c16rtomb(out, 0xde00, &st), (size_t)-1);
  CHECK_EQ(errno, EILSEQ);
  CHECK_EQ(c16rtomb(out, 0xe9, &st), 2);

  char32_t c;
  CHECK_EQ(mbrtoc32(&c, "\xf4\x8f\xbf\xbf", 4, &st), 4);
  CHECK_EQ(c, 0x10ffff);
  CHECK_EQ(mbrtoc32(&c, "", 1, &st), 0);
  CHECK_EQ(c, 0);
  CHECK_EQ(c32rtomb(out, 0x10ffff, &st), 4);
  CHECK_EQ(c32rtomb(out, 0x110000, &st), (size_t)-1);
  CHECK_EQ(c32rtomb(out, 0xdfff, &st), (size_t)-1);
  CHECK_EQ(mbrtoc32_l(&c, "\xc3\xa9", 2, &st, LC_C_LOCALE), (size_t)-1);
  CHECK_EQ(c32rtomb_l(out, 0xe9, &st, LC_C_UNICODE_LOCALE), 2);
  CHECK_EQ(mbrtoc16_l(&u, "A", 1, &st, LC_C_LOCALE), 1);
  CHECK_EQ(c16rtomb_l(out, 'A', &st, LC_C_LOCALE), 1);
  return test_summary();
}
