/* Without a granted /tmp, tmpnam fails; tempnam falls back to what is
 * granted (or fails with ENOTCAPABLE when nothing is). */
#include "test.h"
#include <stdlib.h>

char *tmpnam(char *);
char *tempnam(const char *, const char *);

int main(void) {
  char a[20];
  errno = 0;
  CHECK(tmpnam(a) == NULL);
  CHECK_EQ(errno, ENOTCAPABLE);
  unsetenv("TMPDIR");
  errno = 0;
  CHECK(tempnam("/elsewhere", "p") == NULL);
  CHECK_EQ(errno, ENOTCAPABLE);
  char *t = tempnam("/sandbox", "p");
  CHECK(t != NULL);
  free(t);
  return test_summary();
}
