/* mbsrtowcs, mbsnrtowcs, wcsrtombs, wcsnrtombs, mbstowcs, wcstombs: where
 * the source pointer ends up, counting without a destination, limits. */
#include "test.h"
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>

int main(void) {
  setlocale(LC_ALL, "C.UTF-8");
  const char *text = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
  const char *src = text;
  wchar_t w[8];
  mbstate_t st = {0};
  CHECK_EQ(mbsrtowcs(NULL, &src, 0, &st), 4);
  CHECK(src == text);
  CHECK_EQ(mbsrtowcs(w, &src, 8, &st), 4);
  CHECK(src == NULL);
  CHECK_EQ(w[0], 'a');
  CHECK_EQ(w[1], 0xe9);
  CHECK_EQ(w[2], 0x20ac);
  CHECK_EQ(w[3], 0x1f600);
  CHECK_EQ(w[4], 0);
  /* A full destination stops after whole characters. */
  src = text;
  CHECK_EQ(mbsrtowcs(w, &src, 2, &st), 2);
  CHECK(src == text + 3);
  /* An invalid byte: -1, EILSEQ, src at the bad character. */
  const char *bad = "ab\xe2\x28x";
  src = bad;
  errno = 0;
  CHECK_EQ(mbsrtowcs(w, &src, 8, &st), (size_t)-1);
  CHECK_EQ(errno, EILSEQ);
  CHECK(src == bad + 2);
  /* mbsnrtowcs stops after nms bytes, keeping a partial character. */
  memset(&st, 0, sizeof(st));
  src = text;
  CHECK_EQ(mbsnrtowcs(w, &src, 5, 8, &st), 2);
  CHECK(src == text + 5);
  CHECK(!mbsinit(&st));
  CHECK_EQ(mbsnrtowcs(w, &src, 100, 8, &st), 2);
  CHECK_EQ(w[0], 0x20ac);
  CHECK(src == NULL);

  const wchar_t wide[] = {'x', 0xe9, 0x10ffff, 0};
  const wchar_t *ws = wide;
  char out[16];
  CHECK_EQ(wcsrtombs(NULL, &ws, 0, NULL), 7);
  CHECK_EQ(wcsrtombs(out, &ws, sizeof(out), NULL), 7);
  CHECK(ws == NULL);
  CHECK_STR(out, "x\xc3\xa9\xf4\x8f\xbf\xbf");
  ws = wide;
  CHECK_EQ(wcsrtombs(out, &ws, 5, NULL), 3); /* U+10FFFF would not fit */
  CHECK(ws == wide + 2);
  ws = wide;
  CHECK_EQ(wcsnrtombs(out, &ws, 2, sizeof(out), NULL), 3);
  CHECK(ws == wide + 2);
  const wchar_t badw[] = {'o', 'k', 0xd800, 0};
  ws = badw;
  errno = 0;
  CHECK_EQ(wcsrtombs(out, &ws, sizeof(out), NULL), (size_t)-1);
  CHECK_EQ(errno, EILSEQ);
  CHECK(ws == badw + 2);

  CHECK_EQ(mbstowcs(NULL, text, 0), 4);
  CHECK_EQ(mbstowcs(w, text, 8), 4);
  CHECK_EQ(w[3], 0x1f600);
  CHECK_EQ(wcstombs(NULL, wide, 0), 7);
  CHECK_EQ(wcstombs(out, wide, sizeof(out)), 7);
  CHECK_EQ(mbstowcs(w, "\xff", 8), (size_t)-1);
  CHECK_EQ(mbstowcs_l(w, "\xc3\xa9", 8, LC_C_LOCALE), (size_t)-1);
  CHECK_EQ(wcstombs_l(out, wide, sizeof(out), LC_C_LOCALE), (size_t)-1);
  return test_summary();
}
