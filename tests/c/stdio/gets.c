/* gets cannot know its buffer's size: it fails with ENOSYS, leaves the
 * buffer alone and reads nothing, so fgets still gets the line. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

int main(void) {
  FILE *f = fmemopen(NULL, 64, "w+");
  CHECK(f != NULL);
  CHECK(fputs("line\n", f) >= 0);
  rewind(f);
  FILE *saved = stdin;
  stdin = f;
  char buf[16] = "untouched";
  errno = 0;
  CHECK(gets(buf) == NULL);
  CHECK_EQ(errno, ENOSYS);
  CHECK_STR(buf, "untouched");
  stdin = saved;
  CHECK(fgets(buf, sizeof(buf), f) == buf);
  CHECK_STR(buf, "line\n");
  CHECK_EQ(fclose(f), 0);
  return test_summary();
}
