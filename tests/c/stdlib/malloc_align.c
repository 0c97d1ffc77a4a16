/* posix_memalign, aligned_alloc and the compat memalign, valloc and
 * pvalloc honour every power-of-two alignment up to 1 MiB, for small,
 * medium and large sizes; the blocks are usable, distinct, resizable and
 * freeable; bad alignments fail with EINVAL. */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include "test.h"

static const size_t sizes[] = {0, 1, 100, 5000, 70000, 300000};
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))

static int aligned(void *p, size_t a) { return p != NULL && (uintptr_t)p % a == 0; }

/* Fills the block, then checks that nothing else wrote over it. */
static int usable(unsigned char *p, size_t n, unsigned char v) {
  memset(p, v, n);
  if (malloc_usable_size(p) < n) return 0;
  for (size_t i = 0; i < n; i++)
    if (p[i] != v) return 0;
  return 1;
}

int main(void) {
  for (size_t a = 1; a <= (1u << 20); a *= 2) {
    for (size_t k = 0; k < NSIZES; k++) {
      size_t n = sizes[k];
      void *p = NULL, *q, *r;
      int rc = posix_memalign(&p, a, n);
      if (a < sizeof(void *)) {
        CHECK_EQ(rc, EINVAL);
        CHECK(p == NULL);
      } else {
        CHECK_EQ(rc, 0);
        CHECK(aligned(p, a));
        CHECK(usable(p, n, 0x11));
      }
      q = aligned_alloc(a, n);
      CHECK(aligned(q, a));
      CHECK(usable(q, n, 0x22));
      r = memalign(a, n);
      CHECK(aligned(r, a));
      CHECK(usable(r, n, 0x33));
      /* All three live at once: none overlaps another. */
      for (size_t i = 0; p != NULL && i < n; i++)
        if (((unsigned char *)p)[i] != 0x11) {
          CHECK(!"posix_memalign block overwritten");
          break;
        }
      /* An aligned block resizes like any other, keeping its contents. */
      unsigned char *g = realloc(q, n + 200000);
      CHECK(g != NULL);
      for (size_t i = 0; i < n; i++)
        if (g[i] != 0x22) {
          CHECK(!"realloc lost aligned contents");
          break;
        }
      free(p);
      free(g);
      free(r);
    }
  }

  void *p = (void *)1;
  CHECK_EQ(posix_memalign(&p, 24, 10), EINVAL);
  CHECK_EQ(posix_memalign(&p, 0, 10), EINVAL);
  CHECK(p == (void *)1);
  errno = 0;
  CHECK(aligned_alloc(3, 10) == NULL);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK(aligned_alloc(0, 10) == NULL);
  CHECK_EQ(errno, EINVAL);

  /* memalign rounds a non-power-of-two alignment up. */
  void *m = memalign(48, 10);
  CHECK(aligned(m, 64));
  free(m);

  long page = sysconf(_SC_PAGESIZE);
  void *v = valloc(10);
  CHECK(aligned(v, (size_t)page));
  CHECK(usable(v, 10, 1));
  free(v);
  void *pv = pvalloc(1);
  CHECK(aligned(pv, (size_t)page));
  CHECK(malloc_usable_size(pv) >= (size_t)page);
  CHECK(usable(pv, (size_t)page, 2));
  free(pv);
  pv = pvalloc(0);
  CHECK(aligned(pv, (size_t)page));
  free(pv);
  return test_summary();
}
