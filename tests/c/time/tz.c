/* Time zones from TZ: localtime_r, mktime, tzset, tzname, timezone,
 * daylight, and cloudlibc's localtime_l/mktime_l with LC_TIMEZONE_MASK. */
#include "test.h"
#include <locale.h>
#include <stdlib.h>
#include <time.h>

static struct tm local(time_t t) {
  struct tm v;
  CHECK(localtime_r(&t, &v) == &v);
  return v;
}

int main(void) {
  /* No TZ: UTC. */
  struct tm v = local(0);
  CHECK_EQ(v.tm_hour, 0);
  CHECK_STR(v.tm_zone, "UTC");
  tzset();
  CHECK_STR(tzname[0], "UTC");
  CHECK_EQ(timezone, 0);
  CHECK_EQ(daylight, 0);

  setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
  tzset();
  CHECK_STR(tzname[0], "CET");
  CHECK_STR(tzname[1], "CEST");
  CHECK_EQ(timezone, -3600);
  CHECK_EQ(daylight, 1);
  v = local(1719835200); /* 2024-07-01 12:00 UTC */
  CHECK_EQ(v.tm_hour, 14);
  CHECK_EQ(v.tm_isdst, 1);
  CHECK_EQ(v.tm_gmtoff, 7200);
  CHECK_STR(v.tm_zone, "CEST");
  v = local(1711846800); /* 2024-03-31 01:00 UTC: the change */
  CHECK_EQ(v.tm_hour, 3);
  v = local(1711846799);
  CHECK_EQ(v.tm_hour, 1);
  CHECK_STR(v.tm_zone, "CET");

  struct tm in = {0};
  in.tm_year = 124;
  in.tm_mon = 6;
  in.tm_mday = 1;
  in.tm_hour = 14;
  in.tm_isdst = -1;
  CHECK_EQ(mktime(&in), 1719835200);
  CHECK_EQ(in.tm_isdst, 1);
  CHECK_EQ(in.tm_wday, 1);
  CHECK_EQ(in.tm_yday, 182);
  /* Normalisation: 2024-01-32 25:61:61 is 2024-02-02 02:02:01 CET. */
  struct tm odd = {.tm_year = 124, .tm_mon = 0, .tm_mday = 32, .tm_hour = 25, .tm_min = 61, .tm_sec = 61, .tm_isdst = -1};
  CHECK_EQ(mktime(&odd), 1706835721);
  CHECK_EQ(odd.tm_mon, 1);
  CHECK_EQ(odd.tm_mday, 2);
  CHECK_EQ(odd.tm_hour, 2);
  CHECK_EQ(odd.tm_min, 2);
  CHECK_EQ(odd.tm_sec, 1);
  struct tm utc = {.tm_year = 70, .tm_mday = 1};
  CHECK_EQ(timegm(&utc), 0);

  /* Each call follows a changed TZ. */
  setenv("TZ", "<+0530>-5:30", 1);
  v = local(0);
  CHECK_EQ(v.tm_hour, 5);
  CHECK_EQ(v.tm_min, 30);
  CHECK_STR(v.tm_zone, "+0530");
  setenv("TZ", "EST5EDT", 1);
  v = local(1719835200);
  CHECK_EQ(v.tm_hour, 8);
  CHECK_STR(v.tm_zone, "EDT");
  setenv("TZ", "Europe/Berlin", 1); /* no zoneinfo here: UTC */
  v = local(1719835200);
  CHECK_EQ(v.tm_hour, 12);
  CHECK_STR(v.tm_zone, "UTC");

  locale_t l = newlocale(LC_TIMEZONE_MASK, "AEST-10AEDT,M10.1.0,M4.1.0/3", LC_C_LOCALE);
  CHECK(l != (locale_t)0);
  struct timespec ts = {1704067200, 250}; /* 2024-01-01 00:00 UTC */
  CHECK_EQ(localtime_l(&ts, &v, l), 0);
  CHECK_EQ(v.tm_hour, 11);
  CHECK_EQ(v.tm_nsec, 250);
  CHECK_STR(v.tm_zone, "AEDT");
  struct timespec back;
  CHECK_EQ(mktime_l(&v, &back, l), 0);
  CHECK_EQ(back.tv_sec, ts.tv_sec);
  CHECK_EQ(back.tv_nsec, 250);
  ts.tv_nsec = 2000000000;
  CHECK_EQ(localtime_l(&ts, &v, l), EINVAL);
  freelocale(l);
  ts.tv_nsec = 0;
  CHECK_EQ(localtime_l(&ts, &v, LC_C_LOCALE), 0);
  CHECK_STR(v.tm_zone, "UTC");

  time_t big = 253402300800; /* 10000-01-01: still representable */
  struct tm g;
  CHECK(gmtime_r(&big, &g) != NULL);
  CHECK_EQ(g.tm_year, 8100);
  time_t huge = 0x7fffffffffffffffLL;
  errno = 0;
  CHECK(gmtime_r(&huge, &g) == NULL);
  CHECK_EQ(errno, EOVERFLOW);
  CHECK(gmtime(&big)->tm_year == 8100);
  CHECK(localtime(&big) != NULL);
  return test_summary();
}
