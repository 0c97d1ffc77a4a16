/* fopen and freopen resolve names through the grants; outside them they
 * fail with ENOTCAPABLE. */
#include "test.h"
#include <stdio.h>

int main(void) {
  FILE *f = fopen("notes.txt", "w");
  CHECK(f != NULL);
  CHECK_EQ(fprintf(f, "line %d\n", 1), 7);
  CHECK_EQ(fclose(f), 0);
  f = fopen("/sandbox/notes.txt", "r");
  char buf[32];
  CHECK(fgets(buf, sizeof(buf), f) != NULL);
  CHECK_STR(buf, "line 1\n");
  f = freopen("other.txt", "w+", f);
  CHECK(f != NULL);
  CHECK(fputs("again", f) >= 0);
  rewind(f);
  CHECK(fgets(buf, sizeof(buf), f) != NULL);
  CHECK_STR(buf, "again");
  CHECK_EQ(fclose(f), 0);
  CHECK_EQ(rename("other.txt", "moved.txt"), 0);
  CHECK(fopen("other.txt", "r") == NULL);
  CHECK_EQ(errno, ENOENT);
  CHECK_EQ(remove("moved.txt"), 0);
  CHECK(fopen("/etc/passwd", "r") == NULL);
  CHECK_EQ(errno, ENOTCAPABLE);
  CHECK(fopen("x", "bogus") == NULL);
  CHECK_EQ(errno, EINVAL);
  return test_summary();
}
