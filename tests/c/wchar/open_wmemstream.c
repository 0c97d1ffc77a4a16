/* open_wmemstream: wide output lands as wchar_t values in a growing,
 * NUL-terminated buffer whose size counts wide characters; seeking back
 * shrinks the published size, the buffer belongs to the caller. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
/* <wchar.h> does not include the wide stdio declarations yet. */
#include <_/wstdio.h>
#include "test.h"

int main(void) {
  wchar_t *buf = NULL;
  size_t size = 99;
  FILE *f = open_wmemstream(&buf, &size);
  CHECK(f != NULL);
  CHECK_EQ(fflush(f), 0);
  CHECK(buf != NULL);
  CHECK_EQ(size, 0);
  CHECK_EQ(buf[0], 0);

  CHECK_EQ(fputwc(L'\u00e9', f), (wint_t)L'\u00e9');
  CHECK_EQ(fwprintf(f, L"%ls=%d", L"\u20ac\U0001f600", 42), 5);
  CHECK_EQ(fputws(L"!", f), 0);
  CHECK_EQ(fflush(f), 0);
  CHECK_EQ(size, 7);
  CHECK_EQ(wmemcmp(buf, L"\u00e9\u20ac\U0001f600=42!", 8), 0);
  CHECK_EQ(buf[7], 0);

  /* Many characters: the buffer grows. */
  for (int i = 0; i < 1000; i++) CHECK_EQ(fputwc(L'x', f), (wint_t)L'x');
  CHECK_EQ(fflush(f), 0);
  CHECK_EQ(size, 1007);
  CHECK_EQ(buf[1006], L'x');
  CHECK_EQ(buf[1007], 0);

  /* Positions count wide characters. */
  CHECK_EQ(ftell(f), 1007);
  CHECK_EQ(fseek(f, 3, SEEK_SET), 0);
  CHECK_EQ(fflush(f), 0);
  CHECK_EQ(size, 3);
  CHECK_EQ(fputwc(L'#', f), (wint_t)L'#');
  CHECK_EQ(fclose(f), 0);
  CHECK_EQ(size, 4);
  CHECK_EQ(buf[3], L'#');
  CHECK_EQ(buf[4], L'4');
  free(buf);

  errno = 0;
  CHECK(open_wmemstream(NULL, &size) == NULL);
  CHECK_EQ(errno, EINVAL);
  CHECK(open_wmemstream(&buf, NULL) == NULL);
  return test_summary();
}
