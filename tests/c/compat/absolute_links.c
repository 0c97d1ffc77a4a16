/* Symbolic links to absolute names in the grants' namespace are followed
 * through the grants by every path call (the emulator alone refuses them,
 * resolving beneath one descriptor), from names and from directory
 * descriptors alike; a target under no grant stays ENOTCAPABLE, a relative
 * link may not climb out of its grant, and long chains end in ELOOP. */
#include "test.h"
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whether directory `d` lists `name`. */
static int lists(const char *d, const char *name) {
  DIR *dir = opendir(d);
  if (dir == NULL) return -1;
  int found = 0;
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) found |= strcmp(e->d_name, name) == 0;
  closedir(dir);
  return found;
}

int main(void) {
  struct stat st;
  char buf[PATH_MAX];
  int fd = open("f", O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "hello", 5), 5);
  close(fd);
  CHECK_EQ(mkdir("d", 0755), 0);

  /* A link to a file: stat follows, lstat does not, open reads it. */
  CHECK_EQ(symlink("/sandbox/f", "abs_f"), 0);
  CHECK_EQ(stat("abs_f", &st), 0);
  CHECK(S_ISREG(st.st_mode));
  CHECK_EQ(st.st_size, 5);
  CHECK_EQ(lstat("abs_f", &st), 0);
  CHECK(S_ISLNK(st.st_mode));
  fd = open("/sandbox/abs_f", O_RDONLY);
  CHECK(fd >= 0);
  CHECK_EQ(read(fd, buf, sizeof(buf)), 5);
  close(fd);
  CHECK_EQ(access("abs_f", R_OK), 0);
  CHECK_EQ(fstatat(TEST_DIR_FD, "abs_f", &st, 0), 0);
  CHECK_EQ(st.st_size, 5);
  fd = openat(TEST_DIR_FD, "abs_f", O_RDONLY);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(chmod("abs_f", 0600), 0);
  CHECK_EQ(stat("f", &st), 0);
  CHECK_EQ(st.st_mode & 0777, 0600);

  /* A link to a directory, in the middle of paths. */
  CHECK_EQ(symlink("/sandbox/d", "abs_d"), 0);
  CHECK_EQ(stat("abs_d/", &st), 0);
  CHECK(S_ISDIR(st.st_mode));
  fd = open("abs_d/x", O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(stat("d/x", &st), 0);
  CHECK_EQ(lists("abs_d", "x"), 1);
  CHECK_EQ(rename("abs_d/x", "abs_d/y"), 0);
  CHECK_EQ(mkdir("abs_d/sub", 0755), 0);
  CHECK_EQ(rmdir("abs_d/sub"), 0);
  CHECK_EQ(symlink("../f", "d/up_f"), 0);
  CHECK_EQ(stat("abs_d/up_f", &st), 0);
  CHECK_EQ(st.st_size, 5);
  ssize_t n = readlink("abs_d/up_f", buf, sizeof(buf));
  CHECK_EQ(n, 4);
  CHECK(memcmp(buf, "../f", 4) == 0);
  CHECK(realpath("abs_d/up_f", buf) != NULL);
  CHECK_STR(buf, "/sandbox/f");
  fd = openat(TEST_DIR_FD, "abs_d/y", O_RDONLY);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(unlink("abs_d/y"), 0);
  CHECK_ERRNO(stat("d/y", &st), ENOENT);
  CHECK_EQ(chdir("abs_d"), 0);
  CHECK_EQ(stat("up_f", &st), 0);
  CHECK_EQ(chdir("/sandbox"), 0);

  /* Into another grant. */
  CHECK_EQ(symlink("/src/absolute_links.c", "src"), 0);
  fd = open("src", O_RDONLY);
  CHECK(fd >= 0);
  CHECK_EQ(read(fd, buf, 3), 3);
  CHECK(memcmp(buf, "/* ", 3) == 0);
  close(fd);

  /* A dangling link: missing when followed; O_CREAT makes its target. */
  CHECK_EQ(symlink("/sandbox/made", "dangling"), 0);
  CHECK_ERRNO(stat("dangling", &st), ENOENT);
  CHECK_EQ(lstat("dangling", &st), 0);
  CHECK_ERRNO(open("dangling", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
  fd = open("dangling", O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(stat("made", &st), 0);
  CHECK_ERRNO(stat("abs_d/missing/x", &st), ENOENT);
  CHECK_ERRNO(stat("abs_f/x", &st), ENOTDIR);

  /* Nothing beyond the grants. */
  CHECK_EQ(symlink("/etc/passwd", "out"), 0);
  CHECK_ERRNO(stat("out", &st), ENOTCAPABLE);
  CHECK_ERRNO(open("out", O_RDONLY), ENOTCAPABLE);
  CHECK_ERRNO(open("out", O_WRONLY | O_CREAT, 0644), ENOTCAPABLE);
  CHECK_EQ(symlink("/etc", "out_d"), 0);
  CHECK_ERRNO(stat("out_d/passwd", &st), ENOTCAPABLE);
  CHECK_ERRNO(fstatat(TEST_DIR_FD, "out_d/passwd", &st, 0), ENOTCAPABLE);
  CHECK_EQ(symlink("../f", "up"), 0);
  CHECK_ERRNO(stat("up", &st), ENOTCAPABLE);
  CHECK_EQ(symlink("/sandbox/up", "abs_up"), 0);
  CHECK_ERRNO(stat("abs_up", &st), ENOTCAPABLE);
  CHECK_EQ(symlink("../../f", "d/up2"), 0);
  CHECK_ERRNO(stat("abs_d/up2", &st), ENOTCAPABLE);
  CHECK_ERRNO(fstatat(TEST_DIR_FD, "../f", &st, 0), ENOTCAPABLE);

  /* Loops and chains: 40 links are followed, not 41. */
  CHECK_EQ(symlink("/sandbox/loop", "loop"), 0);
  CHECK_ERRNO(stat("loop", &st), ELOOP);
  CHECK_EQ(symlink("/sandbox/f", "l0"), 0);
  char name[8], target[24];
  for (int i = 1; i <= 40; i++) {
    snprintf(name, sizeof(name), "l%d", i);
    snprintf(target, sizeof(target), "/sandbox/l%d", i - 1);
    CHECK_EQ(symlink(target, name), 0);
  }
  CHECK_EQ(stat("l39", &st), 0);
  CHECK_EQ(st.st_size, 5);
  CHECK_ERRNO(stat("l40", &st), ELOOP);
  return test_summary();
}
