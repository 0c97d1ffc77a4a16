/* mbrtowc, wcrtomb, mbrlen, mbsinit, btowc, wctob, mblen, mbtowc, wctomb:
 * every UTF-8 boundary value, the invalid forms, sequences split across
 * calls, and the C locale's ASCII-only behaviour. */
#include "test.h"
#include <locale.h>
#include <stdlib.h>
#include <wchar.h>

static const unsigned valid[] = {0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff};

static void round_trips(void) {
  for (unsigned i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
    char buf[8];
    mbstate_t st = {0};
    size_t n = wcrtomb(buf, (wchar_t)valid[i], &st);
    CHECK_EQ(n, valid[i] < 0x80 ? 1 : valid[i] < 0x800 ? 2 : valid[i] < 0x10000 ? 3 : 4);
    wchar_t w = -1;
    CHECK_EQ(mbrtowc(&w, buf, n, &st), valid[i] == 0 ? 0 : n);
    CHECK_EQ(w, valid[i]);
    /* One byte at a time: (size_t)-2 until the last. */
    for (size_t k = 0; k + 1 < n; k++) {
      CHECK_EQ(mbrtowc(&w, buf + k, 1, &st), (size_t)-2);
      CHECK(!mbsinit(&st));
      CHECK_EQ(mbrlen(buf + k, 0, &st), (size_t)-2);
    }
    CHECK_EQ(mbrtowc(&w, buf + n - 1, 1, &st), valid[i] == 0 ? 0 : 1);
    CHECK_EQ(w, valid[i]);
    CHECK(mbsinit(&st));
  }
  char buf[8];
  mbstate_t st = {0};
  unsigned bad[] = {0xd800, 0xdfff, 0x110000, 0x7fffffff};
  for (unsigned i = 0; i < 4; i++) {
    errno = 0;
    CHECK_EQ(wcrtomb(buf, (wchar_t)bad[i], &st), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
  }
}

static void invalid_sequences(void) {
  const char *bad[] = {"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x80\x80\x80",
                       "\xf0\x8f\xbf\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xf4\x90\x80\x80",
                       "\xf5\x80\x80\x80", "\xff", "\x80", "\xc2\x41", "\xe2\x82\x41"};
  for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    mbstate_t st = {0};
    wchar_t w;
    errno = 0;
    CHECK_EQ(mbrtowc(&w, bad[i], strlen(bad[i]), &st), (size_t)-1);
    CHECK_EQ(errno, EILSEQ);
  }
  /* Split across calls: the error shows at the byte that rules it out. */
  mbstate_t st = {0};
  wchar_t w;
  CHECK_EQ(mbrtowc(&w, "\xf0", 1, &st), (size_t)-2);
  CHECK_EQ(mbrtowc(&w, "\x8f", 1, &st), (size_t)-1);
  memset(&st, 0, sizeof(st));
  CHECK_EQ(mbrtowc(&w, "\xe2\x82", 2, &st), (size_t)-2);
  CHECK_EQ(mbrtowc(&w, "\xac", 1, &st), 1);
  CHECK_EQ(w, 0x20ac);
  /* A null string ends the conversion: fine in the initial state. */
  CHECK_EQ(mbrtowc(NULL, NULL, 0, &st), 0);
  CHECK_EQ(mbrtowc(&w, "\xe2", 1, &st), (size_t)-2);
  CHECK_EQ(mbrtowc(NULL, NULL, 0, &st), (size_t)-1);
  /* The internal state serves a null mbstate_t. */
  CHECK_EQ(mbrtowc(&w, "\xc3", 1, NULL), (size_t)-2);
  CHECK_EQ(mbrtowc(&w, "\xa9", 1, NULL), 1);
  CHECK_EQ(w, 0xe9);
  CHECK_EQ(mbrlen("\xe2\x82\xac", 3, NULL), 3);
}

static void stdlib_forms(void) {
  wchar_t w;
  CHECK_EQ(mblen(NULL, 0), 0);
  CHECK_EQ(mblen("\xe2\x82\xac", 3), 3);
  CHECK_EQ(mblen("", 1), 0);
  CHECK_EQ(mblen("\xe2\x82", 2), -1);
  CHECK_EQ(mbtowc(&w, "\xf0\x9f\x98\x80", 4), 4);
  CHECK_EQ(w, 0x1f600);
  CHECK_EQ(mbtowc(&w, "\xff", 1), -1);
  char buf[8];
  CHECK_EQ(wctomb(NULL, 0), 0);
  CHECK_EQ(wctomb(buf, 0x10ffff), 4);
  CHECK_EQ(wctomb(buf, 0xd800), -1);
  CHECK_EQ(btowc('A'), 'A');
  CHECK_EQ(btowc(0x80), WEOF);
  CHECK_EQ(btowc(-1), WEOF);
  CHECK_EQ(wctob(L'A'), 'A');
  CHECK_EQ(wctob(0xe9), -1);
}

static void c_locale(void) {
  CHECK_STR(setlocale(LC_CTYPE, "C"), "C");
  CHECK_EQ(MB_CUR_MAX, 1);
  mbstate_t st = {0};
  wchar_t w;
  CHECK_EQ(mbrtowc(&w, "A", 1, &st), 1);
  errno = 0;
  CHECK_EQ(mbrtowc(&w, "\x80", 1, &st), (size_t)-1);
  CHECK_EQ(errno, EILSEQ);
  CHECK_EQ(mbrtowc(&w, "\xc3\xa9", 2, &st), (size_t)-1);
  char buf[4];
  CHECK_EQ(wcrtomb(buf, 0x7f, &st), 1);
  CHECK_EQ(wcrtomb(buf, 0x80, &st), (size_t)-1);
  CHECK_EQ(mbtowc(&w, "\xe9", 1), -1);
  CHECK_EQ(mbrtowc_l(&w, "\xc3\xa9", 2, &st, LC_C_UNICODE_LOCALE), 2);
  CHECK_EQ(w, 0xe9);
  CHECK_EQ(wcrtomb_l(buf, 0xe9, &st, LC_C_UNICODE_LOCALE), 2);
  CHECK_EQ(mblen_l("\xc3\xa9", 2, LC_C_UNICODE_LOCALE), 2);
  CHECK_EQ(mbtowc_l(&w, "\xc3\xa9", 2, LC_C_LOCALE), -1);
  CHECK_EQ(wctomb_l(buf, 0xe9, LC_C_UNICODE_LOCALE), 2);
}

int main(void) {
  CHECK_STR(setlocale(LC_CTYPE, "C.UTF-8"), "C.UTF-8");
  round_trips();
  invalid_sequences();
  stdlib_forms();
  c_locale();
  return test_summary();
}
