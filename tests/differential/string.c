/* Differential test program: prints the results of the <string.h>,
 * <strings.h> and <ctype.h> functions on deterministic pseudo-random
 * inputs, normalised (signs for comparisons, offsets for pointers) so that
 * the output is identical for any correct C library. tests/string_glibc.rs
 * builds it against this library and against glibc and compares. Error
 * and signal texts are left out: they differ by design. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static char out[1 << 16];
static size_t used;

static void flush(void) {
  size_t done = 0;
  while (done < used) {
    ssize_t n = write(1, out + done, used - done);
    if (n <= 0) _Exit(2);
    done += (size_t)n;
  }
  used = 0;
}

static void put(const char *s) {
  while (*s != '\0') {
    if (used == sizeof(out)) flush();
    out[used++] = *s++;
  }
}

static void num(long long v) {
  char b[24];
  int i = sizeof(b);
  unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
  b[--i] = '\0';
  do {
    b[--i] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (v < 0) b[--i] = '-';
  put(b + i);
}

/* One result line: name, case number, value. */
static void line(const char *name, int k, long long v) {
  put(name);
  put(" ");
  num(k);
  put(" ");
  num(v);
  put("\n");
}

static int sign(int v) { return (v > 0) - (v < 0); }

/* Offset of p from base, or -1 for null. */
static long long off(const void *p, const void *base) {
  return p == NULL ? -1 : (long long)((const char *)p - (const char *)base);
}

static unsigned state = 2463534242u;
static unsigned rnd(void) {
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}

/* Random bytes from a small alphabet, so that matches and near misses are
 * common; it includes bytes from 0x80 up, case pairs and digits. */
static const char alphabet[] = "aAbB01 9\x80\xe9\xff-.";
static void text(char *p, size_t n) {
  for (size_t i = 0; i < n; i++) p[i] = alphabet[rnd() % (sizeof(alphabet) - 1)];
  p[n] = '\0';
}

/* A checksum of n bytes, to compare copies compactly. */
static long long sum(const char *p, size_t n) {
  unsigned long long h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
  return (long long)(h >> 1);
}

static void ctype_table(void) {
  for (int c = -1; c <= 255; c++) {
    int bits = (!!isalnum(c)) | (!!isalpha(c)) << 1 | (!!isblank(c)) << 2 | (!!iscntrl(c)) << 3 |
               (!!isdigit(c)) << 4 | (!!isgraph(c)) << 5 | (!!islower(c)) << 6 | (!!isprint(c)) << 7 |
               (!!ispunct(c)) << 8 | (!!isspace(c)) << 9 | (!!isupper(c)) << 10 | (!!isxdigit(c)) << 11 |
               (!!isascii(c)) << 12;
    line("ctype", c, bits);
    line("tolower", c, tolower(c));
    line("toupper", c, toupper(c));
    line("toascii", c, toascii(c));
  }
}

static void comparisons(int k) {
  char a[80], b[80];
  size_t la = rnd() % 40, lb = rnd() % 40;
  text(a, la);
  if (rnd() % 2) {
    memcpy(b, a, la + 1);
    if (la > 0 && rnd() % 2) b[rnd() % la] = alphabet[rnd() % (sizeof(alphabet) - 1)];
    lb = strlen(b);
  } else {
    text(b, lb);
  }
  size_t n = rnd() % 45;
  line("strcmp", k, sign(strcmp(a, b)));
  line("strncmp", k, sign(strncmp(a, b, n)));
  line("strcasecmp", k, sign(strcasecmp(a, b)));
  line("strncasecmp", k, sign(strncasecmp(a, b, n)));
  line("strcoll", k, sign(strcoll(a, b)));
  line("strverscmp", k, sign(strverscmp(a, b)));
  size_t m = la < lb ? la : lb;
  line("memcmp", k, sign(memcmp(a, b, m)));
  line("bcmp", k, !!bcmp(a, b, m));
}

static void searches(int k) {
  char s[300], set[8], needle[8];
  size_t n = rnd() % 290;
  text(s, n);
  text(set, rnd() % 4);
  text(needle, 1 + rnd() % 3);
  int c = (unsigned char)alphabet[rnd() % (sizeof(alphabet) - 1)];
  size_t lim = rnd() % 300;
  line("strlen", k, (long long)strlen(s));
  line("strnlen", k, (long long)strnlen(s, lim));
  line("strchr", k, off(strchr(s, c), s));
  line("strrchr", k, off(strrchr(s, c), s));
  line("strchrnul", k, off(strchrnul(s, c), s));
  line("index", k, off(index(s, c), s));
  line("rindex", k, off(rindex(s, c), s));
  line("memchr", k, off(memchr(s, c, n), s));
  line("memrchr", k, off(memrchr(s, c, n), s));
  line("strspn", k, (long long)strspn(s, set));
  line("strcspn", k, (long long)strcspn(s, set));
  line("strpbrk", k, off(strpbrk(s, set), s));
  line("strstr", k, off(strstr(s, needle), s));
  line("memmem", k, off(memmem(s, n, needle, strlen(needle)), s));
}

static void copies(int k) {
  char s[200], d[260];
  size_t n = rnd() % 190, lim = rnd() % 200;
  text(s, n);
  memset(d, '#', sizeof(d));
  line("strncpy", k, sum(strncpy(d, s, lim), sizeof(d)));
  memset(d, '#', sizeof(d));
  line("stpncpy", k, off(stpncpy(d, s, lim), d));
  line("stpncpy.sum", k, sum(d, sizeof(d)));
  memset(d, '#', sizeof(d));
  line("stpcpy", k, off(stpcpy(d, s), d));
  line("strcpy.sum", k, sum(strcpy(d, s), sizeof(d)));
  size_t half = n / 2;
  memcpy(d, s, half);
  d[half] = '\0';
  line("strncat.sum", k, sum(strncat(d, s + half, lim % 60), sizeof(d)));
  line("strcat.sum", k, sum(strcat(d, "tail"), sizeof(d)));
  memset(d, '#', sizeof(d));
  line("memccpy", k, off(memccpy(d, s, alphabet[k % 13], n), d));
  line("memccpy.sum", k, sum(d, sizeof(d)));
  memset(d, '#', sizeof(d));
  line("mempcpy", k, off(mempcpy(d, s, n), d));
  memmove(d + k % 7, d, n);
  line("memmove.sum", k, sum(d, sizeof(d)));
  memset(d + k % 5, k, lim % 100);
  line("memset.sum", k, sum(d, sizeof(d)));
  size_t x = strxfrm(d, s, lim);
  line("strxfrm", k, (long long)x);
  /* The array's contents are specified only when the result fits. */
  if (x < lim) line("strxfrm.sum", k, sum(d, sizeof(d)));
}

static void tokens(int k) {
  char s[64], t[64], delim[4];
  text(s, rnd() % 60);
  memcpy(t, s, sizeof(s));
  text(delim, 1 + rnd() % 2);
  int i = 0;
  for (char *p = strtok(s, delim); p != NULL; p = strtok(NULL, delim)) line("strtok", k * 100 + i++, off(p, s));
  char *save;
  memcpy(s, t, sizeof(s));
  i = 0;
  for (char *p = strtok_r(s, delim, &save); p != NULL; p = strtok_r(NULL, delim, &save))
    line("strtok_r", k * 100 + i++, off(p, s));
  char *sp = t;
  i = 0;
  char *start = t;
  while (sp != NULL) line("strsep", k * 100 + i++, off(strsep(&sp, delim), start));
}

/* Version strings: mostly digits and zeros, to reach every state of
 * strverscmp (integers, runs of zeros, fractions). */
static void versions(int k) {
  static const char digits[] = "000123456789a.";
  char a[12], b[12];
  size_t la = rnd() % 10, lb = rnd() % 10;
  for (size_t i = 0; i < sizeof(a); i++) a[i] = digits[rnd() % (sizeof(digits) - 1)];
  memcpy(b, a, sizeof(a));
  a[la] = '\0';
  for (size_t i = 0; i < lb; i++)
    if (rnd() % 3 == 0) b[i] = digits[rnd() % (sizeof(digits) - 1)];
  b[lb] = '\0';
  line("strverscmp.digits", k, sign(strverscmp(a, b)));
}

int main(void) {
  ctype_table();
  for (int k = 0; k < 5000; k++) versions(k);
  for (int k = 0; k < 64; k++) {
    line("ffs", k, ffs((int)(rnd() >> (k % 32))));
    line("ffsl", k, ffsl((long)((unsigned long)rnd() << (k % 40))));
    line("ffsll", k, ffsll((long long)((unsigned long long)rnd() << (k % 40))));
  }
  for (int k = 0; k < 3000; k++) comparisons(k);
  for (int k = 0; k < 2000; k++) searches(k);
  for (int k = 0; k < 1000; k++) copies(k);
  for (int k = 0; k < 500; k++) tokens(k);
  flush();
  return 0;
}
