/* uname names CloudABI on x86_64, this library's version and release, and
 * "localhost" as the node name. */
#include "test.h"
#include <sys/utsname.h>

int main(void) {
  struct utsname u;
  memset(&u, 'x', sizeof(u));
  CHECK_EQ(uname(&u), 0);
  CHECK_STR(u.sysname, "CloudABI");
  /* The library version, such as "0.1.0". */
  CHECK(u.release[0] >= '0' && u.release[0] <= '9');
  CHECK_STR(u.version, "cloudlibc-rs");
  CHECK_STR(u.machine, "x86_64");
  CHECK_STR(u.nodename, "localhost");
  char host[32];
  CHECK_EQ(gethostname(host, sizeof(host)), 0);
  CHECK_STR(u.nodename, host);
  return test_summary();
}
