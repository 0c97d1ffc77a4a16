/* getres*id report 65534 three times; setres*id succeed only without a
 * change; setpgrp and sethostname EPERM; syscall ENOSYS for any number
 * (host system calls are never reached). */
#include "test.h"

int main(void) {
  uid_t r = 1, e = 2, s = 3;
  CHECK_EQ(getresuid(&r, &e, &s), 0);
  CHECK(r == 65534 && e == 65534 && s == 65534);
  gid_t gr = 1, ge = 2, gs = 3;
  CHECK_EQ(getresgid(&gr, &ge, &gs), 0);
  CHECK(gr == 65534 && ge == 65534 && gs == 65534);
  CHECK_EQ(setresuid(65534, (uid_t)-1, 65534), 0);
  CHECK_EQ(setresgid((gid_t)-1, (gid_t)-1, (gid_t)-1), 0);
  CHECK_ERRNO(setresuid(65534, 65534, 0), EPERM);
  CHECK_ERRNO(setresuid(0, 65534, 65534), EPERM);
  CHECK_ERRNO(setresgid(65534, 0, 65534), EPERM);
  CHECK_ERRNO(setpgrp(), EPERM);
  CHECK_ERRNO(sethostname("box", 3), EPERM);
  CHECK_ERRNO(syscall(39), ENOSYS);
  CHECK_ERRNO(syscall(1, 1, "x", 1), ENOSYS);
  CHECK_ERRNO(syscall(62, 1, 9), ENOSYS);
  return test_summary();
}
