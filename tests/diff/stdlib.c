/* Differential test program for <stdlib.h> conversions and qsort, built
 * twice (host gcc with glibc, and cloudabi-cc with this library); the two
 * outputs must be identical. Inputs come from a fixed pseudo-random
 * sequence, so both builds see the same ones. Output uses only write(2). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- output ---- */
static char out[1 << 16];
static size_t out_len;

static void flush(void) {
  size_t off = 0;
  while (off < out_len) {
    ssize_t n = write(1, out + off, out_len - off);
    if (n <= 0)
      exit(2);
    off += (size_t)n;
  }
  out_len = 0;
}

static void put(const char *s) {
  while (*s != '\0') {
    if (out_len == sizeof(out))
      flush();
    out[out_len++] = *s++;
  }
}

static void put_hex(uint64_t v, int digits) {
  char b[17];
  for (int i = digits - 1; i >= 0; i--) {
    b[i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  }
  b[digits] = '\0';
  put(b);
}

static void put_dec(char *dst, long v);

static void put_long(long v) {
  char b[24];
  put_dec(b, v);
  put(b);
}

/* An input, with spaces and control characters as \xNN so that each
 * output line stays one line of space-separated fields. */
static void put_input(const char *s) {
  char one[2] = {0, 0};
  for (; *s != '\0'; s++) {
    if ((unsigned char)*s <= ' ') {
      put("\\x");
      put_hex((unsigned char)*s, 2);
    } else {
      one[0] = *s;
      put(one);
    }
  }
}

/* errno by name: the numbers differ between glibc and CloudABI. */
static void put_errno(int e) {
  put(e == 0 ? "0" : e == ERANGE ? "ERANGE" : e == EINVAL ? "EINVAL" : "OTHER");
}

/* ---- inputs ---- */
static uint64_t state = 0x853c49e6748fea9bULL;

static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

static int below(int n) { return (int)(next() % (uint64_t)n); }

/* Copies s to the end of dst. */
static void append(char *dst, const char *s) {
  dst += strlen(dst);
  while ((*dst++ = *s++) != '\0')
    ;
}

/* Writes the decimal form of v at dst. */
static void put_dec(char *dst, long v) {
  char b[24];
  int i = sizeof(b) - 1;
  unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
  b[i] = '\0';
  do {
    b[--i] = '0' + u % 10;
    u /= 10;
  } while (u != 0);
  if (v < 0)
    b[--i] = '-';
  dst[0] = '\0';
  append(dst, b + i);
}

/* A big number in base 10^9 limbs, least significant first, for exact
 * midpoints between floating-point neighbours. */
struct dec {
  uint32_t limb[1400];
  int n;
};

static void dec_set(struct dec *x, uint64_t v) {
  x->n = 0;
  do {
    x->limb[x->n++] = v % 1000000000;
    v /= 1000000000;
  } while (v != 0);
}

static void dec_mul(struct dec *x, uint32_t m) {
  uint64_t carry = 0;
  for (int i = 0; i < x->n; i++) {
    uint64_t t = (uint64_t)x->limb[i] * m + carry;
    x->limb[i] = t % 1000000000;
    carry = t / 1000000000;
  }
  while (carry != 0) {
    x->limb[x->n++] = carry % 1000000000;
    carry /= 1000000000;
  }
}

static void dec_pow(struct dec *x, uint32_t base, uint32_t chunk, int chunk_exp, int e) {
  for (; e >= chunk_exp; e -= chunk_exp)
    dec_mul(x, chunk);
  while (e-- > 0)
    dec_mul(x, base);
}

static char text[14000];
static struct dec big;

/* text = the exact decimal value of big * 2^e2, optionally cut to `keep`
 * significant digits or extended by a trailing 1 far below. */
static void midpoint_text(int e2, int keep, int extend) {
  int point = 0; /* digits after the decimal point */
  if (e2 >= 0) {
    dec_pow(&big, 2, 1 << 29, 29, e2);
  } else {
    dec_pow(&big, 5, 1220703125, 13, -e2);
    point = -e2;
  }
  static char digits[13000];
  int nd = 0;
  for (int i = big.n - 1; i >= 0; i--)
    for (int p = 100000000; p > 0; p /= 10) {
      int dgt = big.limb[i] / p % 10;
      if (nd > 0 || dgt != 0 || (i == 0 && p == 1))
        digits[nd++] = '0' + dgt;
    }
  int cut = keep > 0 && keep < nd ? nd - keep : 0;
  memcpy(text, digits, nd - cut);
  int k = nd - cut;
  if (extend) {
    memcpy(text + k, "000001", 6);
    k += 6;
    point += 6;
  }
  text[k++] = 'e';
  put_dec(text + k, cut - point);
}

/* ---- checks ---- */
static void check_float(const char *category, const char *s) {
  char *end;
  put(category);
  put(" ");
  put_input(s);
  put("$");
  errno = 0;
  double d = strtod(s, &end);
  int ed = errno;
  uint64_t db;
  memcpy(&db, &d, 8);
  put(" d=");
  put_hex(db, 16);
  put(",");
  put_long(end - s);
  put(",");
  put_errno(ed);
  errno = 0;
  float f = strtof(s, &end);
  int ef = errno;
  uint32_t fb;
  memcpy(&fb, &f, 4);
  put(" f=");
  put_hex(fb, 8);
  put(",");
  put_long(end - s);
  put(",");
  put_errno(ef);
  errno = 0;
  long double l = strtold(s, &end);
  int el = errno;
  uint64_t lm = 0;
  uint16_t le = 0;
  memcpy(&lm, &l, 8);
  memcpy(&le, (char *)&l + 8, 2);
  put(" ld=");
  put_hex(le, 4);
  put_hex(lm, 16);
  put(",");
  put_long(end - s);
  put(",");
  put_errno(el);
  put("\n");
}

static void random_decimal(int max_digits, int exp_lo, int exp_hi) {
  int k = 0;
  if (below(4) == 0)
    text[k++] = below(2) ? '-' : '+';
  int nd = 1 + below(max_digits);
  int dot = below(3) == 0 ? -1 : below(nd + 1);
  for (int i = 0; i < nd; i++) {
    if (i == dot)
      text[k++] = '.';
    text[k++] = '0' + below(10);
  }
  if (dot == nd)
    text[k++] = '.';
  text[k++] = below(2) ? 'e' : 'E';
  put_dec(text + k, exp_lo + below(exp_hi - exp_lo + 1));
}

static void floats(void) {
  static const char *special[] = {
      "0", "-0", "inf", "-INF", "infinity", "InFiNiTy", "infinit", "inFx", "nan",
      "-nan", "NAN(123)", "nan(0x7f)", "nan(abc_9)", "nan(", "nan()", "nan(1 )",
      "nan(99999999999999999999999)", " \t\n+1.5", ".", "-.", ".e1", "1e", "1e+",
      "1e-", "0x", "0x.", "0x.p1", "0X1P", "0x1p-", "0x1.8p+1", "-0x.8",
      "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1p-1074",
      "0x1.8p-1074", "0x1p-1075", "0x1p-16445", "0x1p-16446", "0x1p16384",
      "0x1.ffffffffffffffffp16383", "0x1p-149", "0x1p-150", "0x1.000001p-150",
      "1e400", "1e-400", "1e5000", "1e-5000", "2.2250738585072011e-308",
      "2.2250738585072014e-308", "4.9406564584124654e-324",
      "2.4703282292062327e-324", "2.4703282292062328e-324",
      "1.7976931348623158e308", "1.7976931348623159e308", "3.4028235e38",
      "3.40282356e38", "1.17549435e-38", "1.4e-45", "7e-46", "9007199254740993",
      "1e99999999999999999999", "1e-99999999999999999999", "0e99999999999",
      "00000000000000000000000000000001", "0.0000000000000000000000000001e28",
      "1.18973149535723176502e+4932", "1.18973149535723176509e+4932",
      "3.36210314311209350626e-4932", "3.6451995318824746025e-4951",
      "1.8225997659412373012e-4951", "1.8225997659412373013e-4951",
      "123456789012345678901234567890", "junk", "", "   ", "+-1", "1.2.3",
  };
  for (size_t i = 0; i < sizeof(special) / sizeof(special[0]); i++)
    check_float("special", special[i]);
  for (int i = 0; i < 40000; i++) {
    random_decimal(1 + (i % 4 == 0 ? 60 : 20), -340, 340);
    check_float("decimal", text);
  }
  for (int i = 0; i < 10000; i++) {
    random_decimal(1 + below(25), -5000, 5000);
    check_float("wide-exponent", text);
  }
  /* Exponents near each format's limits. */
  static const int limits[] = {38, -38, -45, -46, 308, -308, -323, -324, 4932, -4931, -4950, -4951};
  for (int i = 0; i < 12000; i++) {
    int e = limits[i % 12] - 22 + below(4);
    random_decimal(1 + below(22), e, e + 1);
    check_float("near-limit", text);
  }
  /* Exact midpoints between neighbours in each format, and numbers just
   * above and below them. */
  for (int i = 0; i < 30000; i++) {
    int kind = i % 3, e2;
    uint64_t m;
    if (kind == 0) {
      m = (next() | (1ULL << 53)) & ((1ULL << 54) - 1);
      e2 = -1130 + below(2100);
    } else if (kind == 1) {
      m = (next() | (1ULL << 24)) & ((1ULL << 25) - 1);
      e2 = -175 + below(300);
    } else {
      m = next() | (1ULL << 63);
      e2 = i % 300 == 2 ? -16500 + below(33000) : -450 + below(900);
    }
    if (kind == 2) {
      /* 2m + 1, one bit beyond long double's 64. */
      dec_set(&big, m);
      dec_mul(&big, 2);
      big.limb[0] += 1;
      e2--;
    } else {
      dec_set(&big, m | 1);
    }
    int variant = below(3);
    midpoint_text(e2, variant == 1 ? 1 + below(40) : 0, variant == 2);
    check_float("midpoint", text);
  }
  for (int i = 0; i < 15000; i++) {
    int k = 0;
    if (below(3) == 0)
      text[k++] = '-';
    text[k++] = '0';
    text[k++] = 'x';
    int nd = 1 + below(below(4) == 0 ? 40 : 18);
    int dot = below(nd + 1);
    for (int j = 0; j < nd; j++) {
      if (j == dot)
        text[k++] = '.';
      text[k++] = "0123456789abcdefABCDEF"[below(22)];
    }
    text[k++] = 'p';
    int range = below(3) == 0 ? 16600 : 1200;
    put_dec(text + k, -range + below(2 * range));
    check_float("hex", text);
  }
}

static void check_int(const char *s, int base) {
  char *end;
  put("int ");
  put_input(s);
  put("$");
  put(" base=");
  put_long(base);
  errno = 0;
  end = (char *)s;
  long l = strtol(s, &end, base);
  int e1 = errno;
  put(" l=");
  put_long(l);
  put(",");
  put_long(base < 0 || base == 1 || base > 36 ? 0 : end - s);
  put(",");
  put_errno(e1);
  errno = 0;
  end = (char *)s;
  unsigned long u = strtoul(s, &end, base);
  int e2 = errno;
  put(" u=");
  put_hex(u, 16);
  put(",");
  put_long(base < 0 || base == 1 || base > 36 ? 0 : end - s);
  put(",");
  put_errno(e2);
  put("\n");
}

/* text = [-][prefix] and the digits of v in base b. */
static void in_base(unsigned __int128 v, int b, const char *prefix, int neg) {
  char tmp[140];
  int i = sizeof(tmp) - 1;
  tmp[i] = '\0';
  do {
    tmp[--i] = "0123456789abcdefghijklmnopqrstuvwxyz"[(int)(v % b)];
    v /= b;
  } while (v != 0);
  text[0] = '\0';
  append(text, neg ? "-" : "");
  append(text, prefix);
  append(text, tmp + i);
}

static void integers(void) {
  static const int bases[] = {0, 2, 3, 4, 5, 7, 8, 10, 11, 16, 17, 32, 35, 36, 1, 37, -1};
  static const char *special[] = {"", " ", "+", "-", "0x", "0X", "0x ", "0xg", "-0x",
                                  "  +0x1f", "010", "09", "0b101", " \v\f\r\n\t-7",
                                  "z", "Z", "-0", "00000000000000000000000000000012"};
  for (size_t i = 0; i < sizeof(special) / sizeof(special[0]); i++)
    for (size_t j = 0; j < sizeof(bases) / sizeof(bases[0]); j++)
      check_int(special[i], bases[j]);
  /* Limits in every base: LONG_MAX, ULONG_MAX and their neighbours. */
  for (int b = 2; b <= 36; b++) {
    static const unsigned __int128 values[] = {
        0x7fffffffffffffffULL, 0x8000000000000000ULL, 0x7ffffffffffffffeULL,
        0xffffffffffffffffULL, (unsigned __int128)1 << 64, 0xfffffffffffffffeULL};
    for (int v = 0; v < 6; v++)
      for (int neg = 0; neg < 2; neg++) {
        in_base(values[v], b, b == 16 && v % 2 ? "0x" : "", neg);
        check_int(text, b);
        if (b == 8 || b == 10 || b == 16)
          check_int(text, 0);
      }
  }
  static const char alphabet[] = " \t+-0xX0123456789abcdefzZ9";
  for (int i = 0; i < 6000; i++) {
    int n = below(24);
    for (int k = 0; k < n; k++)
      text[k] = alphabet[below(sizeof(alphabet) - 1)];
    text[n] = '\0';
    check_int(text, bases[below(14)]);
  }
  for (int i = 0; i < 20000; i++) {
    int b = 2 + below(35);
    unsigned __int128 v = next();
    if (below(2))
      v = v >> below(64);
    if (below(8) == 0)
      v = (v << 64) | next();
    in_base(v, b, "", below(3) == 0);
    check_int(text, b);
  }
}

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int keys[100000];

static void sorts(void) {
  for (int t = 0; t < 200; t++) {
    int n = t < 100 ? t : below(100000);
    int mod = below(3) == 0 ? 10 : 1 << 30;
    for (int i = 0; i < n; i++)
      keys[i] = (int)(next() % (uint64_t)mod) - mod / 2;
    if (t % 10 == 1)
      qsort(keys, n, sizeof(int), cmp_int); /* presorted input */
    qsort(keys, n, sizeof(int), cmp_int);
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int i = 0; i < n; i++)
      h = (h ^ (uint32_t)keys[i]) * 0x100000001b3ULL;
    put("qsort n=");
    put_long(n);
    put(" hash=");
    put_hex(h, 16);
    put("\n");
  }
}

int main(void) {
  floats();
  integers();
  sorts();
  flush();
  return 0;
}
