/* mkstemp/mkdtemp make unique names inside the grants; realpath resolves
 * links and dots into the grants' namespace. */
#include "test.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

int main(void) {
  char t1[] = "tmpXXXXXX", t2[] = "tmpXXXXXX";
  int a = mkstemp(t1), b = mkstemp(t2);
  CHECK(a >= 0 && b >= 0);
  CHECK(!test_streq(t1, t2));
  CHECK(memcmp(t1, "tmp", 3) == 0);
  CHECK_EQ(write(a, "x", 1), 1);
  struct stat st;
  CHECK_EQ(stat(t1, &st), 0);
  CHECK_EQ(st.st_size, 1);
  /* POSIX: mkstemp's file may be read and written by its owner only. */
  CHECK_EQ(st.st_mode & 0777, 0600);
  char bad[] = "tmpXXXX";
  CHECK_ERRNO(mkstemp(bad), EINVAL);
  char out[] = "/etc/xXXXXXX";
  CHECK_ERRNO(mkstemp(out), ENOTCAPABLE);
  char s[] = "fileXXXXXX.txt";
  int c = mkstemps(s, 4);
  CHECK(c >= 0);
  CHECK(memcmp(s + 10, ".txt", 4) == 0);

  char d[] = "dirXXXXXX";
  CHECK(mkdtemp(d) == d);
  CHECK_EQ(stat(d, &st), 0);
  CHECK(S_ISDIR(st.st_mode));

  char buf[4096];
  CHECK_EQ(mkdir("a", 0755), 0);
  CHECK_EQ(mkdir("a/b", 0755), 0);
  CHECK_EQ(symlink("a/b", "lnk"), 0);
  CHECK_EQ(symlink("/sandbox/a", "abs"), 0);
  CHECK_STR(realpath("lnk", buf), "/sandbox/a/b");
  CHECK_STR(realpath("./a/../lnk/..", buf), "/sandbox/a");
  CHECK_STR(realpath("abs/b", buf), "/sandbox/a/b");
  CHECK_STR(realpath("/sandbox", buf), "/sandbox");
  int f = open("a/f.txt", O_WRONLY | O_CREAT, 0644);
  close(f);
  CHECK_EQ(symlink("a/f.txt", "flink"), 0);
  CHECK_STR(realpath("flink", buf), "/sandbox/a/f.txt");
  char *m = realpath("a", NULL);
  CHECK_STR(m, "/sandbox/a");
  free(m);
  CHECK(realpath("missing", buf) == NULL);
  CHECK_EQ(errno, ENOENT);
  CHECK(realpath("/etc", buf) == NULL);
  CHECK_EQ(errno, ENOTCAPABLE);
  CHECK_EQ(symlink("loop", "loop"), 0);
  CHECK(realpath("loop", buf) == NULL);
  CHECK_EQ(errno, ELOOP);
  return test_summary();
}
