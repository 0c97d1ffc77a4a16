/* strftime, wcsftime, asctime(_r), ctime(_r); time_diff compares
 * strftime with glibc over many dates. */
#include "test.h"
#include <stdlib.h>
#include <time.h>
#include <wchar.h>

int main(void) {
  time_t t = 116989432; /* 1973-09-16 01:03:52 UTC */
  struct tm v;
  gmtime_r(&t, &v);
  char b[128];
  CHECK_EQ(strftime(b, sizeof b, "%c|%D|%F|%T|%j|%U|%W|%V|%G|%u|%w|%s|%z|%Z", &v), 95);
  CHECK_STR(b, "Sun Sep 16 01:03:52 1973|09/16/73|1973-09-16|01:03:52|259|37|37|37|1973|7|0|116989432|+0000|GMT");
  CHECK_EQ(strftime(b, 5, "%Y", &v), 4);
  CHECK_EQ(strftime(b, 4, "%Y", &v), 0);
  CHECK_EQ(strftime(b, sizeof b, "", &v), 0);
  strftime(b, sizeof b, "%k|%l|%P|%p|%I|%e|%-d|%_H|%^b|%10A", &v);
  CHECK_STR(b, " 1| 1|am|AM|01|16|16| 1|SEP|    Sunday");
  wchar_t w[64];
  CHECK_EQ(wcsftime(w, 64, L"%A \u00e9 %H:%M", &v), 14);
  CHECK(wcscmp(w, L"Sunday \u00e9 01:03") == 0);
  CHECK_EQ(wcsftime(w, 3, L"%Y", &v), 0);

  char a[26];
  CHECK_STR(asctime_r(&v, a), "Sun Sep 16 01:03:52 1973\n");
  CHECK_STR(asctime(&v), "Sun Sep 16 01:03:52 1973\n");
  CHECK_STR(ctime_r(&t, a), "Sun Sep 16 01:03:52 1973\n");
  setenv("TZ", "EST5", 1);
  CHECK_STR(ctime(&t), "Sat Sep 15 20:03:52 1973\n");
  v.tm_year = 10000;
  errno = 0;
  CHECK(asctime_r(&v, a) == NULL);
  CHECK_EQ(errno, EOVERFLOW);
  return test_summary();
}
