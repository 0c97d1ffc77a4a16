/* malloc(0) gives distinct, freeable pointers; sizes that overflow or
 * exceed the address space fail with ENOMEM and leave the old block
 * alone; calloc zeroes blocks that held data before; malloc_usable_size
 * covers the request. */
#include <stdint.h>
#include <stdlib.h>
#include "test.h"

#define ZEROS 1000

static void *zeros[ZEROS];
/* Read at run time, so the compiler does not warn about the sizes. */
static volatile size_t size_max = SIZE_MAX;

static int all_zero(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != 0) return 0;
  return 1;
}

int main(void) {
  /* malloc(0): non-NULL, unique, 16-aligned. */
  int dup = 0, null = 0;
  for (int i = 0; i < ZEROS; i++) {
    zeros[i] = malloc(0);
    if (zeros[i] == NULL) null++;
    if ((uintptr_t)zeros[i] % 16 != 0) dup++;
  }
  for (int i = 0; i < ZEROS; i++)
    for (int j = i + 1; j < ZEROS; j++)
      if (zeros[i] == zeros[j]) dup++;
  CHECK_EQ(null, 0);
  CHECK_EQ(dup, 0);
  for (int i = 0; i < ZEROS; i++) free(zeros[i]);
  void *z = realloc(NULL, 0);
  CHECK(z != NULL);
  free(z);
  free(NULL);

  /* Overflowing products and impossible sizes. */
  errno = 0;
  CHECK(calloc(size_max / 2, 3) == NULL);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(malloc(size_max) == NULL);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(malloc(size_max - 40) == NULL);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(malloc(size_max / 2) == NULL);
  CHECK_EQ(errno, ENOMEM);
  void *a = NULL;
  CHECK_EQ(posix_memalign(&a, 4096, size_max - 100), ENOMEM);
  CHECK(a == NULL);

  /* Volatile: the compiler would take the failed realloc for a free. */
  char *volatile p = malloc(10);
  memcpy(p, "123456789", 10);
  errno = 0;
  CHECK(reallocarray(p, size_max / 4, 8) == NULL);
  CHECK_EQ(errno, ENOMEM);
  errno = 0;
  CHECK(realloc(p, size_max) == NULL);
  CHECK_EQ(errno, ENOMEM);
  CHECK_STR(p, "123456789");
  char *q = reallocarray(p, 100, 3);
  CHECK(q != NULL);
  CHECK_STR(q, "123456789");
  CHECK(malloc_usable_size(q) >= 300);
  free(q);

  /* calloc on memory that held data, small and medium; and large. */
  static const size_t sizes[] = {1, 16, 100, 1000, 5000, 100000, 262144, 300000, 5000000};
  for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
    size_t n = sizes[k];
    void *dirty[8];
    for (int i = 0; i < 8; i++) {
      dirty[i] = malloc(n);
      memset(dirty[i], 0xa5, n);
    }
    for (int i = 0; i < 8; i++) free(dirty[i]);
    for (int i = 0; i < 8; i++) {
      dirty[i] = calloc(n, 1);
      CHECK(dirty[i] != NULL && all_zero(dirty[i], n));
      CHECK(malloc_usable_size(dirty[i]) >= n);
    }
    for (int i = 0; i < 8; i++) free(dirty[i]);
  }
  CHECK_EQ(malloc_usable_size(NULL), 0);
  return test_summary();
}
