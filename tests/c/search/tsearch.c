/* tsearch, tfind, tdelete, twalk, tdestroy: a balanced tree keyed by
 * strings; twalk visits in order; tdelete returns the parent. */
#include <search.h>
#include <stdlib.h>

#include "test.h"

/* One-letter keys: compare the letters. */
static int cmp(const void *a, const void *b) {
  return *(const char *)a - *(const char *)b;
}

static char order[64];
static int order_len, max_depth, leaves;

static void visit(const posix_tnode *n, VISIT v, int depth) {
  if (depth > max_depth)
    max_depth = depth;
  if (v == leaf)
    leaves++;
  if (v == postorder || v == leaf)
    order[order_len++] = *(const char *)n->key;
}

static int freed;
static void count_free(void *key) {
  (void)key;
  freed++;
}

int main(void) {
  static char keys[26][2];
  posix_tnode *root = NULL;
  /* Sorted insertion would make an unbalanced tree a list. */
  for (int i = 0; i < 26; i++) {
    keys[i][0] = 'a' + i;
    posix_tnode *n = tsearch(keys[i], &root, cmp);
    CHECK(n != NULL && n->key == keys[i]);
  }
  /* Inserting an equal key finds the existing node. */
  CHECK(tsearch("m", &root, cmp)->key == keys[12]);
  CHECK(tfind("q", &root, cmp)->key == keys[16]);
  CHECK(tfind("Q", &root, cmp) == NULL);
  CHECK(*(char **)tfind("z", &root, cmp) == keys[25]);

  twalk(root, visit);
  order[order_len] = 0;
  CHECK_STR(order, "abcdefghijklmnopqrstuvwxyz");
  CHECK(max_depth <= 5);
  CHECK(leaves > 0);

  /* tdelete returns the parent: a node whose key is still in the tree. */
  posix_tnode *parent = tdelete("c", &root, cmp);
  CHECK(parent != NULL);
  CHECK(tfind("c", &root, cmp) == NULL);
  CHECK(tfind(parent->key, &root, cmp) == parent);
  CHECK(tdelete("c", &root, cmp) == NULL);
  for (int i = 0; i < 26; i++)
    if (i != 2)
      CHECK(tdelete(keys[i], &root, cmp) != NULL);
  CHECK(root == NULL);

  CHECK(tsearch("x", NULL, cmp) == NULL);
  CHECK(tfind("x", NULL, cmp) == NULL);

  for (int i = 0; i < 10; i++)
    tsearch(keys[i], &root, cmp);
  tdestroy(root, count_free);
  CHECK_EQ(freed, 10);
  return test_summary();
}
