/* qsort, qsort_r, bsearch: ordering for many shapes and element sizes,
 * the context argument, and lookups. */
#include <stdlib.h>

#include "test.h"

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

struct rec {
  char name[7];
  int key;
};

static int cmp_rec(const void *a, const void *b) {
  return cmp_int(&((const struct rec *)a)->key, &((const struct rec *)b)->key);
}

static int cmp_desc_r(const void *a, const void *b, void *ctx) {
  (*(int *)ctx)++;
  return cmp_int(b, a);
}

static int sorted(const int *v, int n) {
  for (int i = 1; i < n; i++)
    if (v[i - 1] > v[i])
      return 0;
  return 1;
}

static int v[20000];

int main(void) {
  unsigned seed = 1;
  for (int n = 0; n <= 20000; n = n * 3 + 1) {
    for (int shape = 0; shape < 5; shape++) {
      long sum = 0, after = 0;
      for (int i = 0; i < n; i++) {
        seed = seed * 1103515245 + 12345;
        int x = shape == 0 ? i : shape == 1 ? n - i : shape == 2 ? 7
              : shape == 3 ? (int)(seed >> 16) % 10 : (int)(seed >> 1);
        v[i] = x;
        sum += x;
      }
      qsort(v, n, sizeof(int), cmp_int);
      for (int i = 0; i < n; i++)
        after += v[i];
      CHECK(sorted(v, n));
      CHECK(sum == after);
    }
  }

  /* Odd element size. */
  struct rec r[100];
  for (int i = 0; i < 100; i++) {
    r[i].key = (i * 37) % 100;
    r[i].name[0] = 'a' + r[i].key % 26;
  }
  qsort(r, 100, sizeof(struct rec), cmp_rec);
  int ok = 1;
  for (int i = 0; i < 100; i++)
    ok &= r[i].key == i && r[i].name[0] == 'a' + i % 26;
  CHECK(ok);

  /* qsort_r passes the context last. */
  int calls = 0;
  int w[6] = {3, 1, 4, 1, 5, 9};
  qsort_r(w, 6, sizeof(int), cmp_desc_r, &calls);
  CHECK(calls > 0);
  CHECK(w[0] == 9 && w[1] == 5 && w[2] == 4 && w[3] == 3 && w[4] == 1 && w[5] == 1);

  /* bsearch finds every present key and no absent one. */
  int keys[50];
  for (int i = 0; i < 50; i++)
    keys[i] = 2 * i;
  for (int k = -1; k < 101; k++) {
    int *p = bsearch(&k, keys, 50, sizeof(int), cmp_int);
    if (k % 2 == 0 && k >= 0 && k < 100)
      CHECK(p != NULL && *p == k);
    else
      CHECK(p == NULL);
  }
  CHECK(bsearch(&keys[0], keys, 0, sizeof(int), cmp_int) == NULL);
  return test_summary();
}
