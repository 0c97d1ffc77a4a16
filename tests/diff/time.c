/* Differential test program for <time.h>, <wctype.h> and wcwidth, built
 * twice (host gcc with glibc, and cloudabi-cc with this library); the
 * runner (tests/tests/time_diff.rs) compares the outputs line by line.
 * Lines start with a category letter:
 *   F  strftime of every conversion, every 37 hours from 1900 to 2100, in
 *      UTC and in TZ=CET-1CEST,M3.5.0,M10.5.0/3; every 185 hours in a
 *      southern zone, one with negative transition times and one with
 *      Julian-day rules. (A zone without rules, like EST5EDT, cannot be
 *      compared: glibc reads it, and the default rules, from zoneinfo
 *      files.)
 *   R  localtime_r/gmtime_r fields and mktime/timegm round trips
 *   N  mktime of out-of-range fields with tm_isdst -1, 0 and 1
 *   P  strptime of formatted dates
 *   M  mbrtowc on two- and three-byte sequences in C.UTF-8
 *   C  wcwidth, classes and case mappings of every code point in C.UTF-8
 * Output uses only write(2). */
#define _GNU_SOURCE
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

static char out[1 << 16];
static size_t out_len;

static void flush(void) {
  size_t off = 0;
  while (off < out_len) {
    ssize_t n = write(1, out + off, out_len - off);
    if (n <= 0) exit(2);
    off += (size_t)n;
  }
  out_len = 0;
}

static void put(const char *s) {
  while (*s != '\0') {
    if (out_len == sizeof(out)) flush();
    out[out_len++] = *s++;
  }
}

/* Puts `s` with newlines and tabs escaped, so each record stays one line. */
static void put_escaped(const char *s) {
  for (; *s != '\0'; s++) {
    char c[2] = {*s, '\0'};
    put(*s == '\n' ? "\\n" : *s == '\t' ? "\\t" : c);
  }
}

static void put_int(long long v) {
  char b[24];
  int i = sizeof(b) - 1;
  b[i] = '\0';
  unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
  do {
    b[--i] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (v < 0) b[--i] = '-';
  put(b + i);
}

static void put_hex(unsigned long v) {
  char b[20];
  int i = sizeof(b) - 1;
  b[i] = '\0';
  do {
    b[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v != 0);
  put(b + i);
}

static void put_tm(const struct tm *v) {
  int f[] = {v->tm_year, v->tm_mon, v->tm_mday, v->tm_hour, v->tm_min, v->tm_sec, v->tm_wday, v->tm_yday, v->tm_isdst, (int)v->tm_gmtoff};
  for (unsigned i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
    put(" ");
    put_int(f[i]);
  }
  put(" ");
  put(v->tm_zone != NULL ? v->tm_zone : "(null)");
}

static const char *const conversions[] = {
    "%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%F", "%g", "%G", "%h", "%H", "%I", "%j",
    "%k", "%l", "%m", "%M", "%n", "%p", "%P", "%r", "%R", "%s", "%S", "%t", "%T", "%u", "%U", "%V",
    "%w", "%W", "%x", "%X", "%y", "%Y", "%z", "%Z", "%%", "%Ec", "%EC", "%Ex", "%EX", "%Ey", "%EY",
    "%Od", "%Oe", "%OH", "%OI", "%Om", "%OM", "%OS", "%Ou", "%OU", "%OV", "%Ow", "%OW", "%Oy",
    "%-d", "%_m", "%010Y", "%^a", "%#b", "%#Z", "%^B", "%-j", "%_5H", "%#p",
};

static const char *const zones[] = {"UTC0", "CET-1CEST,M3.5.0,M10.5.0/3", "AEST-10AEDT,M10.1.0,M4.1.0/3",
                                    "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "XXX-2YYY,J60/1,300/25"};

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static long long rand_in(long long lo, long long hi) {
  rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
  return lo + (long long)((rng >> 33) % (uint64_t)(hi - lo + 1));
}

static void dates(void) {
  for (unsigned z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
    setenv("TZ", zones[z], 1);
    tzset();
    put("R tzset ");
    put(tzname[0]);
    put(" ");
    put(tzname[1]);
    put(" ");
    put_int(timezone);
    put(" ");
    put_int(daylight);
    put("\n");
    long long step = z < 2 ? 37 * 3600 : 185 * 3600;
    for (long long t = -2208988800LL; t < 4102444800LL; t += step) {
      time_t tt = (time_t)t;
      struct tm v, g;
      localtime_r(&tt, &v);
      put("F ");
      put_int(t);
      for (unsigned i = 0; i < sizeof(conversions) / sizeof(conversions[0]); i++) {
        char buf[128];
        size_t n = strftime(buf, sizeof(buf), conversions[i], &v);
        put("|");
        put_int((long long)n);
        put("=");
        put_escaped(buf);
      }
      put("\n");
      put("R ");
      put_int(t);
      put_tm(&v);
      gmtime_r(&tt, &g);
      put_tm(&g);
      struct tm a = v, b = v;
      a.tm_isdst = -1;
      put(" ");
      put_int((long long)mktime(&a));
      put(" ");
      put_int((long long)mktime(&b));
      put(" ");
      put_int((long long)timegm(&g));
      put("\n");
      if ((t / step) % 16 == 0) {
        static const char *const pf[] = {"%c", "%Y-%m-%d %H:%M:%S", "%D %T", "%j %Y", "%a %d %B %y %I:%M:%S %p"};
        for (unsigned i = 0; i < sizeof(pf) / sizeof(pf[0]); i++) {
          char buf[128];
          strftime(buf, sizeof(buf), pf[i], &v);
          struct tm p;
          memset(&p, 0, sizeof(p));
          char *end = strptime(buf, pf[i], &p);
          put("P ");
          put_int(t);
          put(" ");
          put(buf);
          put(" ->");
          put_int(end == NULL ? -1 : (long long)(end - buf));
          int f[] = {p.tm_year, p.tm_mon, p.tm_mday, p.tm_hour, p.tm_min, p.tm_sec, p.tm_wday, p.tm_yday};
          for (unsigned k = 0; k < 8; k++) {
            put(" ");
            put_int(f[k]);
          }
          put("\n");
        }
      }
    }
    for (int i = 0; i < 10000; i++) {
      struct tm v;
      memset(&v, 0, sizeof(v));
      v.tm_year = (int)rand_in(-10, 250);
      v.tm_mon = (int)rand_in(-30, 30);
      v.tm_mday = (int)rand_in(-60, 90);
      v.tm_hour = (int)rand_in(-50, 80);
      v.tm_min = (int)rand_in(-200, 200);
      v.tm_sec = (int)rand_in(-5000, 5000);
      v.tm_isdst = (int)rand_in(-1, 1);
      put("N ");
      put_tm(&v);
      put(" ->");
      put_int((long long)mktime(&v));
      put_tm(&v);
      put("\n");
    }
  }
  /* Around every transition of 2024 in CET: each minute of the gap and the
   * repeated hour, with every tm_isdst. */
  setenv("TZ", zones[1], 1);
  tzset();
  int days[] = {31, 27};
  int months[] = {2, 9};
  for (int k = 0; k < 2; k++)
    for (int m = 60; m < 240; m += 7)
      for (int d = -1; d <= 1; d++) {
        struct tm v;
        memset(&v, 0, sizeof(v));
        v.tm_year = 124;
        v.tm_mon = months[k];
        v.tm_mday = days[k];
        v.tm_min = m;
        v.tm_isdst = d;
        put("N ");
        put_tm(&v);
        put(" ->");
        put_int((long long)mktime(&v));
        put_tm(&v);
        put("\n");
      }
}

/* One mbrtowc call on the `n` bytes of `s` from the initial state. */
static void probe(const unsigned char *s, size_t n) {
  mbstate_t st;
  memset(&st, 0, sizeof(st));
  wchar_t w = 0;
  size_t r = mbrtowc(&w, (const char *)s, n, &st);
  put("M");
  for (size_t i = 0; i < n; i++) {
    put(" ");
    put_hex(s[i]);
  }
  put(" ");
  put_int((long long)(ssize_t)r);
  put(" ");
  put_hex((unsigned long)w);
  put("\n");
}

static void multibyte(void) {
  static const unsigned char leads3[] = {0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5};
  for (unsigned a = 0x80; a < 0x100; a++)
    for (unsigned b = 0; b < 0x100; b++) probe((const unsigned char[]){a, b}, 2);
  for (unsigned i = 0; i < sizeof(leads3); i++)
    for (unsigned b = 0x80; b < 0xc0; b++)
      for (unsigned c = 0x7f; c < 0xc1; c++) probe((const unsigned char[]){leads3[i], b, c}, 3);
}

static void wide_classes(void) {
  for (unsigned c = 0; c <= 0x10ffff; c++) {
    put("C ");
    put_hex(c);
    put(" w");
    put_int(wcwidth((wchar_t)c));
    const char *tags[] = {" a", " u", " l", " s", " b", " c", " p", " r", " g"};
    int values[] = {iswalpha(c), iswupper(c), iswlower(c), iswspace(c), iswblank(c),
                    iswcntrl(c), iswpunct(c), iswprint(c), iswgraph(c)};
    for (unsigned i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
      put(tags[i]);
      put_int(values[i] != 0);
    }
    put(" U");
    put_hex(towupper(c));
    put(" L");
    put_hex(towlower(c));
    put("\n");
  }
}

int main(void) {
  dates();
  if (setlocale(LC_ALL, "C.UTF-8") == NULL) return 3;
  multibyte();
  wide_classes();
  flush();
  return 0;
}
