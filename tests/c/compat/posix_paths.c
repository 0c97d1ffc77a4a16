/* Classic POSIX path calls work unchanged inside the granted directory
 * (/sandbox, the current directory) and fail cleanly outside it. */
#include "test.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

int main(void) {
  char cwd[256];
  CHECK_STR(getcwd(cwd, sizeof(cwd)), "/sandbox");

  CHECK_EQ(mkdir("data", 0755), 0);
  CHECK_ERRNO(mkdir("data", 0755), EEXIST);
  int fd = open("data/file.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "hello", 5), 5);
  CHECK_EQ(close(fd), 0);

  struct stat st;
  CHECK_EQ(stat("/sandbox/data/file.txt", &st), 0);
  CHECK_EQ(st.st_size, 5);
  CHECK(S_ISREG(st.st_mode));
  CHECK_EQ(stat("data", &st), 0);
  CHECK(S_ISDIR(st.st_mode));
  CHECK_EQ(access("data/file.txt", R_OK | W_OK), 0);
  CHECK_ERRNO(access("data/missing", F_OK), ENOENT);

  CHECK_EQ(chdir("data"), 0);
  CHECK_STR(getcwd(cwd, sizeof(cwd)), "/sandbox/data");
  fd = open("file.txt", O_RDONLY);
  char buf[8] = {0};
  CHECK_EQ(read(fd, buf, sizeof(buf)), 5);
  CHECK_STR(buf, "hello");
  CHECK_EQ(close(fd), 0);
  CHECK_EQ(symlink("file.txt", "link"), 0);
  CHECK_EQ(readlink("link", buf, sizeof(buf)), 8);
  CHECK_EQ(lstat("link", &st), 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK_EQ(stat("link", &st), 0);
  CHECK(S_ISREG(st.st_mode));
  CHECK_EQ(link("file.txt", "hard"), 0);
  CHECK_EQ(stat("hard", &st), 0);
  CHECK_EQ(st.st_nlink, 2);
  CHECK_EQ(truncate("hard", 2), 0);
  CHECK_EQ(stat("file.txt", &st), 0);
  CHECK_EQ(st.st_size, 2);
  CHECK_EQ(chdir(".."), 0);
  CHECK_STR(getcwd(cwd, sizeof(cwd)), "/sandbox");

  DIR *d = opendir("data");
  CHECK(d != NULL);
  int seen = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    seen++;
  }
  CHECK_EQ(seen, 3);
  CHECK_EQ(closedir(d), 0);

  CHECK_EQ(unlink("data/link"), 0);
  CHECK_EQ(unlink("data/hard"), 0);
  CHECK_EQ(unlink("data/file.txt"), 0);
  CHECK_ERRNO(unlink("data/file.txt"), ENOENT);
  CHECK_EQ(rmdir("data"), 0);

  /* Outside the grants: refused, nothing touched. */
  CHECK_ERRNO(open("/etc/passwd", O_RDONLY), ENOTCAPABLE);
  CHECK_ERRNO(stat("/etc", &st), ENOTCAPABLE);
  CHECK_ERRNO(chdir("/etc"), ENOTCAPABLE);
  CHECK_ERRNO(mkdir("/tmp/evil", 0777), ENOTCAPABLE);
  CHECK_ERRNO(open("../../etc/passwd", O_RDONLY), ENOTCAPABLE);
  CHECK(opendir("/usr") == NULL);
  CHECK_EQ(errno, ENOTCAPABLE);
  CHECK_STR(getcwd(cwd, sizeof(cwd)), "/sandbox");
  CHECK(getcwd(cwd, 3) == NULL);
  CHECK_EQ(errno, ERANGE);
  return test_summary();
}
