/* The wide string and memory functions. */
#include "test.h"
#include <stdlib.h>
#include <wchar.h>

static int weq(const wchar_t *a, const wchar_t *b) { return wcscmp(a, b) == 0; }

int main(void) {
  wchar_t buf[32];
  CHECK_EQ(wcslen(L""), 0);
  CHECK_EQ(wcslen(L"h\u00e9llo"), 5);
  CHECK_EQ(wcsnlen(L"hello", 3), 3);
  CHECK_EQ(wcsnlen(L"hi", 9), 2);
  CHECK(wcscpy(buf, L"abc") == buf && weq(buf, L"abc"));
  CHECK(wcscat(buf, L"def") == buf && weq(buf, L"abcdef"));
  CHECK(wcpcpy(buf, L"xy") == buf + 2);
  CHECK(wcsncat(buf, L"12345", 2) == buf && weq(buf, L"xy12"));
  wmemset(buf, L'#', 8);
  CHECK(wcsncpy(buf, L"ab", 5) == buf);
  CHECK(buf[1] == L'b' && buf[2] == 0 && buf[4] == 0 && buf[5] == L'#');
  CHECK(wcpncpy(buf, L"abcdef", 3) == buf + 3);
  CHECK(wcpncpy(buf, L"a", 3) == buf + 1);
  CHECK_EQ(wcslcpy(buf, L"abcdef", 4), 6);
  CHECK(weq(buf, L"abc"));
  CHECK_EQ(wcslcat(buf, L"defgh", 6), 8);
  CHECK(weq(buf, L"abcde"));
  CHECK_EQ(wcslcat(buf, L"x", 3), 4);

  CHECK(wcscmp(L"abc", L"abd") < 0);
  CHECK(wcscmp(L"abc", L"ab") > 0);
  CHECK(wcscmp(L"\U0001F600", L"a") > 0);
  CHECK_EQ(wcsncmp(L"abcx", L"abcy", 3), 0);
  CHECK(wcscasecmp(L"H\u00c9LLO", L"h\u00e9llo") == 0);
  CHECK(wcscasecmp(L"a", L"B") < 0);
  CHECK_EQ(wcsncasecmp(L"ABCx", L"abcY", 3), 0);
  CHECK(wcscoll(L"a", L"b") < 0);
  CHECK_EQ(wcsxfrm(buf, L"hello", 32), 5);
  CHECK(weq(buf, L"hello"));
  CHECK_EQ(wcsxfrm(NULL, L"hello", 0), 5);

  const wchar_t *s = L"hello world";
  CHECK(wcschr(s, L'o') == s + 4);
  CHECK(wcschr(s, 0) == s + 11);
  CHECK(wcschr(s, L'z') == NULL);
  CHECK(wcsrchr(s, L'o') == s + 7);
  CHECK(wcsstr(s, L"wor") == s + 6);
  CHECK(wcsstr(s, L"") == s);
  CHECK(wcsstr(s, L"worlds") == NULL);
  CHECK_EQ(wcsspn(s, L"hel"), 4);
  CHECK_EQ(wcscspn(s, L" "), 5);
  CHECK(wcspbrk(s, L"wr") == s + 6);
  CHECK(wcspbrk(s, L"xyz") == NULL);

  wchar_t tok[] = L"  one,two;;three  ";
  wchar_t *state;
  CHECK(weq(wcstok(tok, L" ,;", &state), L"one"));
  CHECK(weq(wcstok(NULL, L" ,;", &state), L"two"));
  CHECK(weq(wcstok(NULL, L" ,;", &state), L"three"));
  CHECK(wcstok(NULL, L" ,;", &state) == NULL);
  CHECK(wcstok(NULL, L" ,;", &state) == NULL);

  wchar_t *d = wcsdup(L"dup\u00e9");
  CHECK(d != NULL && weq(d, L"dup\u00e9"));
  free(d);
  d = wcsndup(L"abcdef", 3);
  CHECK(d != NULL && weq(d, L"abc"));
  free(d);

  CHECK(wcsverscmp(L"file9", L"file10") < 0);
  CHECK(wcsverscmp(L"1.010", L"1.09") < 0);
  CHECK(wcsverscmp(L"a", L"a") == 0);

  wchar_t m[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  CHECK(wmemchr(m, 5, 8) == m + 4);
  CHECK(wmemchr(m, 9, 8) == NULL);
  CHECK(wmemcmp(m, m, 8) == 0);
  wchar_t m2[8];
  CHECK(wmemcpy(m2, m, 8) == m2 && wmemcmp(m, m2, 8) == 0);
  m2[7] = 9;
  CHECK(wmemcmp(m, m2, 8) < 0);
  CHECK(wmemmove(m + 1, m, 6) == m + 1);
  CHECK(m[1] == 1 && m[6] == 6 && m[7] == 8);
  wchar_t neg = -5;
  CHECK(wmemcmp(&neg, m, 1) < 0); /* wchar_t is signed */
  CHECK(wmemmem(m2, 8, (wchar_t[]){3, 4}, 2) == m2 + 2);
  CHECK(wmemmem(m2, 8, (wchar_t[]){4, 3}, 2) == NULL);
  CHECK(wmemmem(m2, 8, m2, 0) == m2);

  CHECK_EQ(wcwidth(L'a'), 1);
  CHECK_EQ(wcwidth(0), 0);
  CHECK_EQ(wcwidth(0x300), 0);
  CHECK_EQ(wcwidth(0x4e00), 2);
  CHECK_EQ(wcwidth(0x1f600), 2);
  CHECK_EQ(wcwidth(7), -1);
  CHECK_EQ(wcwidth(0x378), -1);
  CHECK_EQ(wcswidth(L"a\u4e00\u0301b", 10), 4);
  CHECK_EQ(wcswidth(L"a\u4e00b", 2), 3);
  CHECK_EQ(wcswidth(L"a\tb", 3), -1);
  return test_summary();
}
