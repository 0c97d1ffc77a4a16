/* strerror, strerror_r and strerror_l: CloudABI's error numbers, the
 * unknown-number text, and strerror_r's truncation. */
#include <errno.h>
#include <string.h>

#include "test.h"

int main(void) {
  CHECK_STR(strerror(0), "Success");
  CHECK_STR(strerror(ENOENT), "No such file or directory");
  CHECK_STR(strerror(EINVAL), "Invalid argument");
  CHECK_STR(strerror(ENOTCAPABLE), "Capabilities insufficient");
  CHECK_EQ(ENOTCAPABLE, 76);
  /* Compat: a name portable code uses, with a text of its own. */
  CHECK(ESHUTDOWN != ENOTCAPABLE && ESHUTDOWN != EPIPE);
  CHECK_STR(strerror(ESHUTDOWN), "Cannot send after socket shutdown");
  CHECK_STR(strerror(76), "Capabilities insufficient");
  CHECK_STR(strerror(78), "Unknown error: 78");
  CHECK_STR(strerror(9999), "Unknown error: 9999");
  CHECK_STR(strerror(-1), "Unknown error: -1");
  CHECK_STR(strerror(-2147483647 - 1), "Unknown error: -2147483648");
  /* Every known number has its own non-empty text. */
  for (int e = 0; e <= 76; e++) {
    const char *t = strerror(e);
    CHECK(t != NULL && t[0] != '\0' && strncmp(t, "Unknown", 7) != 0);
    if (e > 0) CHECK(strcmp(t, strerror(e - 1)) != 0);
  }
  CHECK_STR(strerror_l(EPERM, NULL), "Operation not permitted");

  char buf[64];
  CHECK_EQ(strerror_r(EACCES, buf, sizeof(buf)), 0);
  CHECK_STR(buf, "Permission denied");
  CHECK_EQ(strerror_r(9999, buf, sizeof(buf)), EINVAL);
  CHECK_STR(buf, "Unknown error: 9999");
  /* Too small: ERANGE, with as much as fits, terminated. */
  char small[8];
  CHECK_EQ(strerror_r(ENOENT, small, sizeof(small)), ERANGE);
  CHECK_STR(small, "No such");
  CHECK_EQ(strerror_r(9999, small, sizeof(small)), ERANGE);
  CHECK_STR(small, "Unknown");
  small[0] = 'x';
  CHECK_EQ(strerror_r(EIO, small, 0), ERANGE);
  CHECK_EQ(small[0], 'x');
  /* Exactly the text and its NUL fit. */
  char exact[sizeof("Broken pipe")];
  CHECK_EQ(strerror_r(EPIPE, exact, sizeof(exact)), 0);
  CHECK_STR(exact, "Broken pipe");
  CHECK_EQ(strerror_r(EPIPE, exact, sizeof(exact) - 1), ERANGE);
  /* strerror_r leaves errno alone. */
  errno = 0;
  strerror_r(9999, buf, sizeof(buf));
  CHECK_EQ(errno, 0);
  return test_summary();
}
