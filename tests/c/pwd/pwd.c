/* The user database: "nobody" (65534) by name, by id and by enumeration,
 * with $HOME as its home; other users are not found and errno stays. */
#include "test.h"
#include <pwd.h>
#include <stdlib.h>

int main(void) {
  unsetenv("HOME");
  struct passwd *pw = getpwuid(getuid());
  CHECK(pw != NULL);
  CHECK_STR(pw->pw_name, "nobody");
  CHECK_EQ(pw->pw_uid, 65534);
  CHECK_EQ(pw->pw_gid, 65534);
  CHECK_STR(pw->pw_dir, "/");
  CHECK_STR(pw->pw_shell, "");

  setenv("HOME", "/sandbox/home", 1);
  pw = getpwnam("nobody");
  CHECK(pw != NULL);
  CHECK_EQ(pw->pw_uid, 65534);
  CHECK_STR(pw->pw_dir, "/sandbox/home");

  errno = 1234;
  CHECK(getpwuid(0) == NULL);
  CHECK(getpwnam("root") == NULL);
  CHECK_EQ(errno, 1234);

  struct passwd e, *res = &e;
  char buf[128];
  CHECK_EQ(getpwuid_r(65534, &e, buf, sizeof(buf), &res), 0);
  CHECK(res == &e);
  CHECK_STR(e.pw_name, "nobody");
  CHECK_STR(e.pw_dir, "/sandbox/home");
  CHECK(e.pw_name >= buf && e.pw_name < buf + sizeof(buf));
  CHECK_EQ(getpwnam_r("nobody", &e, buf, 10, &res), ERANGE);
  CHECK(res == NULL);
  res = &e;
  CHECK_EQ(getpwnam_r("root", &e, buf, sizeof(buf), &res), 0);
  CHECK(res == NULL);
  res = &e;
  CHECK_EQ(getpwuid_r(0, &e, buf, sizeof(buf), &res), 0);
  CHECK(res == NULL);

  setpwent();
  pw = getpwent();
  CHECK(pw != NULL && pw->pw_uid == 65534);
  CHECK(getpwent() == NULL);
  setpwent();
  CHECK(getpwent() != NULL);
  endpwent();
  CHECK(getpwent() != NULL);
  return test_summary();
}
