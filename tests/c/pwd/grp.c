/* The group database: "nobody" (65534) by name, id and enumeration; other
 * groups are not found; supplementary groups cannot change. */
#include "test.h"
#include <grp.h>

int main(void) {
  struct group *gr = getgrgid(getgid());
  CHECK(gr != NULL);
  CHECK_STR(gr->gr_name, "nobody");
  CHECK_EQ(gr->gr_gid, 65534);
  CHECK(gr->gr_mem != NULL && gr->gr_mem[0] == NULL);
  gr = getgrnam("nobody");
  CHECK(gr != NULL && gr->gr_gid == 65534);
  errno = 77;
  CHECK(getgrgid(0) == NULL);
  CHECK(getgrnam("wheel") == NULL);
  CHECK_EQ(errno, 77);

  struct group e, *res;
  char buf[64];
  CHECK_EQ(getgrgid_r(65534, &e, buf, sizeof(buf), &res), 0);
  CHECK(res == &e);
  CHECK_STR(e.gr_name, "nobody");
  CHECK(e.gr_mem[0] == NULL);
  CHECK_EQ(getgrnam_r("nobody", &e, buf, 12, &res), ERANGE);
  CHECK(res == NULL);
  CHECK_EQ(getgrnam_r("wheel", &e, buf, sizeof(buf), &res), 0);
  CHECK(res == NULL);

  setgrent();
  CHECK(getgrent() != NULL);
  CHECK(getgrent() == NULL);
  endgrent();
  CHECK(getgrent() != NULL);

  gid_t groups[4];
  int n = 4;
  CHECK_EQ(getgrouplist("nobody", 65534, groups, &n), 1);
  CHECK_EQ(n, 1);
  CHECK_EQ(groups[0], 65534);
  n = 4;
  CHECK_EQ(getgrouplist("nobody", 100, groups, &n), 2);
  CHECK_EQ(groups[0], 100);
  CHECK_EQ(groups[1], 65534);
  n = 1;
  CHECK_EQ(getgrouplist("nobody", 100, groups, &n), -1);
  CHECK_EQ(n, 2);
  n = 4;
  CHECK_EQ(getgrouplist("other", 5, groups, &n), 1);
  CHECK_EQ(groups[0], 5);

  CHECK_EQ(setgroups(0, NULL), 0);
  CHECK_ERRNO(setgroups(1, groups), EPERM);
  CHECK_ERRNO(initgroups("nobody", 65534), EPERM);
  return test_summary();
}
