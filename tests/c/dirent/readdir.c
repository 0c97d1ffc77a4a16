/* Directory streams list every entry exactly once, across many refills,
 * support telldir/seekdir, and scandirat sorts and filters. */
#include "test.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

static int no_dots(const struct dirent *e) { return e->d_name[0] != '.'; }

int main(void) {
  char name[64];
  CHECK_EQ(mkdirat(TEST_DIR_FD, "many"), 0);
  for (int i = 0; i < 300; i++) {
    /* Long names so the 4 KiB buffer needs many refills. */
    int n = 0;
    for (int k = 0; k < 40; k++) name[n++] = 'a' + (i + k) % 26;
    name[n++] = '0' + i / 100;
    name[n++] = '0' + i / 10 % 10;
    name[n++] = '0' + i % 10;
    name[n] = '\0';
    char path[80] = "many/";
    memcpy(path + 5, name, n + 1);
    int fd = openat(TEST_DIR_FD, path, O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0);
    close(fd);
  }
  DIR *d = opendirat(TEST_DIR_FD, "many");
  CHECK(d != NULL);
  int count = 0, dots = 0;
  long at50 = 0;
  char name50[64] = "";
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') {
      dots++;
      CHECK_EQ(e->d_type, DT_DIR);
      continue;
    }
    CHECK_EQ(e->d_type, DT_REG);
    if (count == 50) {
      memcpy(name50, e->d_name, strlen(e->d_name) + 1);
    }
    count++;
    if (count == 50) at50 = telldir(d);
  }
  CHECK_EQ(count, 300);
  CHECK_EQ(dots, 2);
  seekdir(d, at50);
  do {
    e = readdir(d);
  } while (e != NULL && e->d_name[0] == '.');
  CHECK(e != NULL);
  if (e != NULL) CHECK_STR(e->d_name, name50);
  rewinddir(d);
  int again = 0;
  while ((e = readdir(d)) != NULL) again++;
  CHECK_EQ(again, 302);
  int fd = dirfd(d);
  CHECK_EQ(fdclosedir(d), fd);
  CHECK_EQ(close(fd), 0);

  struct dirent **list;
  int n = scandirat(TEST_DIR_FD, "many", &list, no_dots, alphasort);
  CHECK_EQ(n, 300);
  for (int i = 1; i < n; i++) CHECK(strcmp(list[i - 1]->d_name, list[i]->d_name) < 0);
  for (int i = 0; i < n; i++) free(list[i]);
  free(list);

  CHECK(opendirat(TEST_DIR_FD, "nope") == NULL);
  CHECK_EQ(errno, ENOENT);
  int f = openat(TEST_DIR_FD, "plain", O_WRONLY | O_CREAT, 0644);
  CHECK(fdopendir(f) == NULL);
  CHECK_EQ(errno, ENOTDIR);
  CHECK(fdopendir(999) == NULL);
  CHECK_EQ(errno, EBADF);
  return test_summary();
}
