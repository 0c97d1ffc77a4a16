/* The directories leading to a named grant exist in its namespace: `/`
 * for /sandbox stats as a read-only directory and mkdir reports EEXIST,
 * so code like makedirs works; nothing else is reachable through them. */
#include "test.h"
#include <sys/stat.h>
#include <fcntl.h>

int main(void) {
  struct stat st;
  CHECK_EQ(stat("/", &st), 0);
  CHECK(S_ISDIR(st.st_mode));
  CHECK_EQ(st.st_mode & 0777, 0555);
  CHECK_ERRNO(mkdir("/", 0777), EEXIST);
  CHECK_ERRNO(stat("/etc", &st), ENOTCAPABLE);
  CHECK_ERRNO(open("/etc/passwd", O_RDONLY), ENOTCAPABLE);
  CHECK_ERRNO(mkdir("/newdir", 0777), ENOTCAPABLE);
  CHECK_EQ(stat("/sandbox", &st), 0);
  CHECK_EQ(st.st_mode & 0777, 0777); /* the grant's own mode, as the tests make it */
  return test_summary();
}
