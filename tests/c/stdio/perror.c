/* perror writes "prefix: message" to stderr and keeps errno; %m prints
 * the same message. */
#include "test.h"
#include <stdio.h>

int main(void) {
  errno = EINVAL;
  perror("first");
  CHECK_EQ(errno, EINVAL);
  errno = ENOTCAPABLE;
  perror(NULL);
  errno = 9999;
  perror("");
  char buf[64];
  errno = ENOENT;
  snprintf(buf, sizeof(buf), "%m");
  CHECK_STR(buf, "No such file or directory");
  errno = 0;
  snprintf(buf, sizeof(buf), "%m");
  CHECK_STR(buf, "Success");
  return test_summary();
}
