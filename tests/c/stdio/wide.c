/* Wide I/O: swprintf into wchar_t, fwprintf as UTF-8, swscanf and
 * fwscanf; fgetwc, fputwc, ungetwc, fgetws, fputws, fwide, getwline. */
#include "test.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
/* What <wchar.h> provides before it includes the declarations. */
typedef __wint_t wint_t;
typedef __locale_t locale_t;
#define WEOF ((wint_t)-1)
#include <_/wstdio.h>

static int wide_eq(const wchar_t *a, const wchar_t *b) {
  while (*a != 0 && *a == *b) a++, b++;
  return *a == *b;
}

int main(void) {
  wchar_t w[32];
  CHECK_EQ(swprintf(w, 32, L"%d|%ls|%s|%lc", 42, L"\u00e9t\u00e9", "\xc3\xa9t\xc3\xa9", L'\u20ac'), 12);
  CHECK(wide_eq(w, L"42|\u00e9t\u00e9|\u00e9t\u00e9|\u20ac"));
  /* Too small: -1 (not a count, unlike snprintf). */
  CHECK_EQ(swprintf(w, 3, L"%s", "abc"), -1);

  /* Narrow output of wide characters is UTF-8. */
  char buf[32];
  CHECK_EQ(snprintf(buf, sizeof(buf), "%ls %lc", L"\u00e9", L'\u20ac'), 6);
  CHECK_STR(buf, "\xc3\xa9 \xe2\x82\xac");
  CHECK_EQ(snprintf(buf, sizeof(buf), "[%.2ls]", L"\u00e9\u00e9"), 4);
  CHECK_STR(buf, "[\xc3\xa9]");
  CHECK_EQ(snprintf(buf, sizeof(buf), "%lc", 0xd800), -1);
  CHECK_EQ(errno, EILSEQ);

  FILE *f = tmpfile();
  CHECK_EQ(fwprintf(f, L"%ls=%d", L"\u00e9", 7), 3);
  rewind(f);
  CHECK(fgets(buf, sizeof(buf), f) != NULL);
  CHECK_STR(buf, "\xc3\xa9=7");
  rewind(f);
  wchar_t name[8] = {0};
  int v = 0;
  CHECK_EQ(fwscanf(f, L"%l[^=]=%d", name, &v), 2);
  CHECK(wide_eq(name, L"\u00e9"));
  CHECK_EQ(v, 7);
  fclose(f);

  /* Character and line I/O, and orientation. */
  f = tmpfile();
  CHECK_EQ(fwide(f, 0), 0);
  CHECK_EQ(fputwc(L'\u00e9', f), L'\u00e9');
  CHECK_EQ(fwide(f, -1), 1);
  CHECK_EQ(fputws(L"\u20ac line\nsecond", f), 0);
  CHECK_EQ(fputwc(0xd800, f), WEOF);
  CHECK_EQ(errno, EILSEQ);
  clearerr(f);
  rewind(f);
  CHECK_EQ(fgetwc(f), 0xe9);
  CHECK_EQ(ungetwc(0x20ac, f), 0x20ac);
  CHECK_EQ(fgetwc(f), 0x20ac);
  CHECK_EQ(fgetwc(f), 0x20ac);
  CHECK(fgetws(w, 32, f) == w);
  CHECK(wide_eq(w, L" line\n"));
  wchar_t *line = NULL;
  size_t cap = 0;
  CHECK_EQ(getwline(&line, &cap, f), 6);
  CHECK(wide_eq(line, L"second"));
  CHECK_EQ(getwline(&line, &cap, f), -1);
  CHECK_EQ(fgetwc(f), WEOF);
  free(line);
  fclose(f);
  /* A malformed byte stays unread. */
  f = tmpfile();
  fputs("\xff", f);
  rewind(f);
  CHECK_EQ(getwc(f), WEOF);
  CHECK_EQ(errno, EILSEQ);
  CHECK_EQ(fgetc(f), 0xff);
  CHECK_EQ(fwide(stdout, -1), -1);
  fclose(f);

  char narrow[16];
  CHECK_EQ(swscanf(L"12 \u00e9t\u00e9 x", L"%d %ls %s", &v, name, narrow), 3);
  CHECK_EQ(v, 12);
  CHECK(wide_eq(name, L"\u00e9t\u00e9"));
  CHECK_STR(narrow, "x");
  return test_summary();
}
