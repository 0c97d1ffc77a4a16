/* Random malloc, calloc, realloc and free with content checks: every
 * block is filled with a pattern derived from a seed chosen when it was
 * allocated, and checked before it is resized or freed, so overlapping
 * blocks, lost contents and misaligned pointers all show up. Sizes are
 * mostly small, sometimes medium, rarely larger than the size classes. */
#include <stdint.h>
#include <stdlib.h>
#include "test.h"

#define SLOTS 2000
#define OPS 100000

struct slot {
  unsigned char *p;
  size_t n;
  uint32_t seed;
};

static struct slot slots[SLOTS];
static uint64_t rng = 0x243f6a8885a308d3ull;
static int bad_content, bad_align, bad_usable, bad_zero;

static uint64_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static unsigned char pattern(uint32_t seed, size_t i) {
  return (unsigned char)(seed + i * 131 + (i >> 8));
}

static size_t pick_size(void) {
  uint64_t r = next();
  if (r % 1000 < 3) return (size_t)(r >> 10) % (1u << 20) + 1; /* up to 1 MiB */
  if (r % 1000 < 50) return (size_t)(r >> 10) % 65536;        /* medium */
  return (size_t)(r >> 10) % 513;                              /* small, 0 too */
}

static void fill(struct slot *s, size_t from) {
  for (size_t i = from; i < s->n; i++) s->p[i] = pattern(s->seed, i);
}

static void check(const struct slot *s, size_t upto) {
  for (size_t i = 0; i < upto; i++) {
    if (s->p[i] != pattern(s->seed, i)) {
      bad_content++;
      return;
    }
  }
}

static void placed(struct slot *s) {
  if ((uintptr_t)s->p % 16 != 0) bad_align++;
  if (malloc_usable_size(s->p) < s->n) bad_usable++;
}

int main(void) {
  for (long op = 0; op < OPS; op++) {
    struct slot *s = &slots[next() % SLOTS];
    uint64_t what = next() % 10;
    if (s->p == NULL) {
      s->n = pick_size();
      s->seed = (uint32_t)((uintptr_t)s ^ (uintptr_t)op * 2654435761u);
      if (what == 0) {
        s->p = calloc(1, s->n);
        for (size_t i = 0; s->p != NULL && i < s->n; i++)
          if (s->p[i] != 0) {
            bad_zero++;
            break;
          }
      } else {
        s->p = malloc(s->n);
      }
      if (s->p == NULL) {
        CHECK(s->p != NULL);
        continue;
      }
      placed(s);
      fill(s, 0);
    } else if (what < 4) {
      size_t n = pick_size();
      check(s, s->n);
      unsigned char *q = realloc(s->p, n);
      if (q == NULL) {
        CHECK(q != NULL);
        continue;
      }
      size_t kept = n < s->n ? n : s->n;
      s->p = q;
      s->n = n;
      check(s, kept);
      placed(s);
      fill(s, kept);
    } else {
      check(s, s->n);
      free(s->p);
      s->p = NULL;
    }
  }
  for (int i = 0; i < SLOTS; i++) {
    if (slots[i].p != NULL) check(&slots[i], slots[i].n);
    free(slots[i].p);
  }
  CHECK_EQ(bad_content, 0);
  CHECK_EQ(bad_align, 0);
  CHECK_EQ(bad_usable, 0);
  CHECK_EQ(bad_zero, 0);
  return test_summary();
}
