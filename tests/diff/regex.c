/* Differential test program for <regex.h> and fnmatch, built twice (host
 * gcc with glibc, and cloudabi-cc with this library) over the same cases,
 * which tests/tests/regex_diff.rs generates into regex_cases.h. One
 * output line per case: "error NAME", "nomatch", or "nsub=N" and the
 * offsets of the whole match and of each group. Output uses only
 * write(2). */
#include <fnmatch.h>
#include <regex.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct rcase {
  int cflags, eflags;
  const char *pattern, *subject;
};
struct fcase {
  int flags;
  const char *pattern, *subject;
};
#include "regex_cases.h"

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

static void put_long(long v) {
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
  put(b + i);
}

static const char *error_name(int e) {
  switch (e) {
    case REG_BADBR: return "BADBR";
    case REG_BADPAT: return "BADPAT";
    case REG_BADRPT: return "BADRPT";
    case REG_EBRACE: return "EBRACE";
    case REG_EBRACK: return "EBRACK";
    case REG_ECOLLATE: return "ECOLLATE";
    case REG_ECTYPE: return "ECTYPE";
    case REG_EESCAPE: return "EESCAPE";
    case REG_EPAREN: return "EPAREN";
    case REG_ERANGE: return "ERANGE";
    case REG_ESPACE: return "ESPACE";
    case REG_ESUBREG: return "ESUBREG";
    default: return "OTHER";
  }
}

int main(void) {
  for (size_t i = 0; i < sizeof(rcases) / sizeof(rcases[0]); i++) {
    const struct rcase *c = &rcases[i];
    regex_t re;
    int r = regcomp(&re, c->pattern, c->cflags);
    if (r != 0) {
      put("error ");
      put(error_name(r));
      put("\n");
      continue;
    }
    regmatch_t m[12];
    r = regexec(&re, c->subject, 12, m, c->eflags);
    if (r == REG_NOMATCH) {
      put("nomatch\n");
    } else if (r != 0) {
      put("exec error ");
      put(error_name(r));
      put("\n");
    } else {
      put("nsub=");
      put_long((long)re.re_nsub);
      for (size_t k = 0; k <= re.re_nsub && k < 12; k++) {
        put(" ");
        put_long((long)m[k].rm_so);
        put(",");
        put_long((long)m[k].rm_eo);
      }
      put("\n");
    }
    regfree(&re);
  }
  for (size_t i = 0; i < sizeof(fcases) / sizeof(fcases[0]); i++) {
    int r = fnmatch(fcases[i].pattern, fcases[i].subject, fcases[i].flags);
    put(r == 0 ? "fnmatch match\n" : r == FNM_NOMATCH ? "fnmatch nomatch\n" : "fnmatch error\n");
  }
  flush();
  return 0;
}
