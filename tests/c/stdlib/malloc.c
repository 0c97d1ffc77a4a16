/* malloc hands out distinct, aligned, writable blocks; realloc keeps
 * contents; calloc zeroes; large blocks work. */
#include "test.h"
#include <stdlib.h>

int main(void) {
  char *blocks[200];
  for (int i = 0; i < 200; i++) {
    size_t n = (size_t)(i * 37 % 3000) + 1;
    blocks[i] = malloc(n);
    CHECK(blocks[i] != NULL);
    CHECK_EQ((unsigned long)blocks[i] % 16, 0);
    memset(blocks[i], i, n);
  }
  for (int i = 0; i < 200; i++) {
    size_t n = (size_t)(i * 37 % 3000) + 1;
    CHECK_EQ((unsigned char)blocks[i][n - 1], (unsigned char)i);
    free(blocks[i]);
  }
  char *p = malloc(10);
  memcpy(p, "abcdefghi", 10);
  p = realloc(p, 100000);
  CHECK_STR(p, "abcdefghi");
  p = realloc(p, 5);
  CHECK_EQ(memcmp(p, "abcde", 5), 0);
  free(p);
  int *z = calloc(1000, sizeof(int));
  long sum = 0;
  for (int i = 0; i < 1000; i++) sum += z[i];
  CHECK_EQ(sum, 0);
  free(z);
  errno = 0;
  CHECK(calloc((size_t)-1, 16) == NULL);
  CHECK_EQ(errno, ENOMEM);
  void *a = NULL;
  CHECK_EQ(posix_memalign(&a, 4096, 100), 0);
  CHECK_EQ((unsigned long)a % 4096, 0);
  free(a);
  CHECK_EQ(posix_memalign(&a, 3, 100), EINVAL);
  char *big = malloc(10 << 20);
  CHECK(big != NULL);
  big[(10 << 20) - 1] = 1;
  free(big);
  return test_summary();
}
