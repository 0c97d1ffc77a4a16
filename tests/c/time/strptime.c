/* strptime and wcsptime in the C locale. */
#include "test.h"
#include <time.h>
#include <wchar.h>

int main(void) {
  struct tm v = {0};
  const char *s = "Tue Jan  2 04:04:05 2024 rest";
  CHECK(strptime(s, "%c", &v) == s + 24);
  CHECK_EQ(v.tm_year, 124);
  CHECK_EQ(v.tm_mon, 0);
  CHECK_EQ(v.tm_mday, 2);
  CHECK_EQ(v.tm_hour, 4);
  CHECK_EQ(v.tm_wday, 2);
  CHECK_EQ(v.tm_yday, 1);
  struct tm w = {0};
  s = "2000-02-29 23:59:60";
  CHECK(strptime(s, "%Y-%m-%d %H:%M:%S", &w) == s + 19);
  CHECK_EQ(w.tm_sec, 60);
  CHECK_EQ(w.tm_yday, 59);
  CHECK_EQ(w.tm_wday, 2);
  struct tm x = {0};
  CHECK(strptime("march 5 99 1:30 pm", "%B %d %y %I:%M %p", &x) != NULL);
  CHECK_EQ(x.tm_year, 99);
  CHECK_EQ(x.tm_mon, 2);
  CHECK_EQ(x.tm_hour, 13);
  struct tm y = {0};
  CHECK(strptime("12/31/68", "%D", &y) != NULL);
  CHECK_EQ(y.tm_year, 168);
  CHECK(strptime("+0130", "%z", &y) != NULL);
  CHECK_EQ(y.tm_gmtoff, 5400);
  CHECK(strptime("13", "%m", &y) == NULL);
  CHECK(strptime("Fooday", "%A", &y) == NULL);
  CHECK(strptime("10:61", "%H:%M", &y) == NULL);
  CHECK(strptime("2024 366", "%Y %j", &y) != NULL);
  CHECK_EQ(y.tm_mon, 11);
  CHECK_EQ(y.tm_mday, 31);
  struct tm z = {0};
  const wchar_t *ws = L"Mon, 15 Jul 2024 x";
  CHECK(wcsptime(ws, L"%a, %d %b %Y", &z) == ws + 16);
  CHECK_EQ(z.tm_mon, 6);
  CHECK_EQ(z.tm_yday, 196);
  CHECK(wcsptime(L"x", L"%Y", &z) == NULL);
  return test_summary();
}
