/* strstr and memmem: empty and one-byte needles, periodic needles, near
 * misses, matches at the end, and bytes from 0x80 up. */
#include <string.h>

#include "string/support.h"

/* The first occurrence by brute force. */
static const char *ref_strstr(const char *h, const char *n) {
  size_t hl = strlen(h), nl = strlen(n);
  for (size_t i = 0; i + nl <= hl; i++)
    if (ref_same((const unsigned char *)h + i, (const unsigned char *)n, nl)) return h + i;
  return NULL;
}

int main(void) {
  const char *h = "the quick brown fox jumps over the lazy dog";
  CHECK(strstr(h, "") == h);
  CHECK(strstr(h, "t") == h);
  CHECK(strstr(h, "fox") == h + 16);
  CHECK(strstr(h, "the lazy") == h + 31);
  CHECK(strstr(h, "dog") == h + 40);
  CHECK(strstr(h, "dogs") == NULL);
  CHECK(strstr(h, "cat") == NULL);
  CHECK(strstr("", "a") == NULL);
  CHECK(strstr("", "") != NULL);
  CHECK(strstr("aaaaaaaaab", "aaab") != NULL);
  CHECK(strstr("abababababc", "ababc") != NULL);
  CHECK(strstr("abababababd", "ababc") == NULL);
  CHECK(strstr("x\xe9\xe8y", "\xe9\xe8") != NULL);

  /* Exhaustive over a two-letter alphabet. */
  char hay[12], needle[6];
  for (unsigned hb = 0; hb < (1u << 10); hb++) {
    for (int i = 0; i < 10; i++) hay[i] = (char)('a' + (hb >> i & 1));
    hay[10] = '\0';
    for (int nl = 1; nl <= 5; nl++)
      for (unsigned nb = 0; nb < (1u << nl); nb++) {
        for (int i = 0; i < nl; i++) needle[i] = (char)('a' + (nb >> i & 1));
        needle[nl] = '\0';
        LOOP_CHECK(strstr(hay, needle) == ref_strstr(hay, needle), hb, nb, nl);
        LOOP_CHECK(memmem(hay, 10, needle, (size_t)nl) == ref_strstr(hay, needle), hb, nb, nl);
      }
  }

  /* A long haystack: the match is found where strstr measures lazily. */
  static char big[20000];
  memset(big, 'a', sizeof(big) - 1);
  memcpy(big + 15000, "needle", 6);
  CHECK(strstr(big, "needle") == big + 15000);
  CHECK(strstr(big, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab") == NULL);

  /* memmem looks at exactly hn bytes, NULs included. */
  const char m[] = "ab\0cd\0ef";
  CHECK(memmem(m, sizeof(m), "\0cd", 3) == m + 2);
  CHECK(memmem(m, sizeof(m), "ef", 2) == m + 6);
  CHECK(memmem(m, 7, "ef", 2) == NULL);
  CHECK(memmem(m, sizeof(m), "", 0) == m);
  CHECK(memmem(m, 0, "a", 1) == NULL);
  CHECK(memmem(m, 1, "ab", 2) == NULL);
  CHECK(memmem(m, sizeof(m), "d", 1) == m + 4);
  return test_summary();
}
