/* lfind, lsearch, insque, remque. */
#include <search.h>
#include <stddef.h>

#include "test.h"

static int cmp_int(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

struct q {
  struct q *next, *prev;
  int v;
};

int main(void) {
  int arr[8] = {5, 3, 9};
  size_t n = 3;
  int key = 9;
  CHECK(lfind(&key, arr, &n, sizeof(int), cmp_int) == &arr[2]);
  key = 4;
  CHECK(lfind(&key, arr, &n, sizeof(int), cmp_int) == NULL);
  CHECK(lsearch(&key, arr, &n, sizeof(int), cmp_int) == &arr[3]);
  CHECK_EQ(n, 4);
  CHECK_EQ(arr[3], 4);
  CHECK(lsearch(&key, arr, &n, sizeof(int), cmp_int) == &arr[3]);
  CHECK_EQ(n, 4);

  struct q a = {0, 0, 1}, b = {0, 0, 2}, c = {0, 0, 3};
  insque(&a, NULL);
  CHECK(a.next == NULL && a.prev == NULL);
  insque(&c, &a);
  insque(&b, &a);
  CHECK(a.next == &b && b.next == &c && c.prev == &b && b.prev == &a);
  remque(&b);
  CHECK(a.next == &c && c.prev == &a);
  remque(&a);
  CHECK(c.prev == NULL);
  return test_summary();
}
