/* hcreate_r, hsearch_r, hdestroy_r, and the compat hcreate, hsearch,
 * hdestroy. */
#include <search.h>
#include <string.h>

#include "test.h"

int main(void) {
  struct hsearch_data h;
  memset(&h, 0, sizeof(h));
  CHECK_EQ(hcreate_r(100, &h), 1);
  static char names[100][8];
  ENTRY *e;
  for (int i = 0; i < 100; i++) {
    names[i][0] = 'k';
    names[i][1] = '0' + i / 10;
    names[i][2] = '0' + i % 10;
    ENTRY item = {names[i], (void *)(long)i};
    CHECK_EQ(hsearch_r(item, ENTER, &e, &h), 1);
    CHECK(e->key == names[i]);
  }
  /* ENTER of an existing key returns the entry already there. */
  char again[] = "k42";
  ENTRY dup = {again, (void *)999L};
  CHECK_EQ(hsearch_r(dup, ENTER, &e, &h), 1);
  CHECK_EQ((long)e->data, 42);
  ENTRY probe = {again, NULL};
  CHECK_EQ(hsearch_r(probe, FIND, &e, &h), 1);
  CHECK_EQ((long)e->data, 42);
  char missing[] = "nope";
  ENTRY miss = {missing, NULL};
  errno = 0;
  CHECK_EQ(hsearch_r(miss, FIND, &e, &h), 0);
  CHECK_EQ(errno, ESRCH);
  CHECK(e == NULL);
  hdestroy_r(&h);
  CHECK_EQ(hcreate_r(1, NULL), 0);
  CHECK_EQ(errno, EINVAL);

  CHECK(hcreate(10) != 0);
  char a[] = "alpha";
  ENTRY item = {a, (void *)1L};
  CHECK(hsearch(item, ENTER) != NULL);
  CHECK(hsearch(item, FIND)->data == (void *)1L);
  hdestroy();
  return test_summary();
}
