/* The directories leading to the named grants (/, /usr, /usr/lib, /dev
 * here) can be the current directory and be listed: `.`, `..` and the
 * next component of each grant, a directory or what the grant is, with
 * the inode numbers stat reports. They have no descriptor, and nothing
 * can be made or changed in them. A grant holding another grant
 * (/sandbox/nested) is listed as the directory it is. */
#include "test.h"
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The names `d` lists, sorted and joined by spaces, into `out`. */
static void names(DIR *d, char *out) {
  char list[16][NAME_MAX + 1];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL && n < 16) strcpy(list[n++], e->d_name);
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && strcmp(list[j - 1], list[j]) > 0; j--) {
      char t[NAME_MAX + 1];
      strcpy(t, list[j]);
      strcpy(list[j], list[j - 1]);
      strcpy(list[j - 1], t);
    }
  out[0] = '\0';
  for (int i = 0; i < n; i++) {
    if (i > 0) strcat(out, " ");
    strcat(out, list[i]);
  }
}

/* The entry `name` of directory `path`, copied into `out`; 0 if found. */
static int entry(const char *path, const char *name, struct dirent *out) {
  DIR *d = opendir(path);
  if (d == NULL) return -1;
  struct dirent *e;
  int r = -1;
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, name) == 0) {
      *out = *e;
      r = 0;
    }
  closedir(d);
  return r;
}

int main(void) {
  char buf[PATH_MAX], list[256];
  struct stat st;
  struct dirent e;

  /* Listings. */
  DIR *d = opendir("/");
  CHECK(d != NULL);
  names(d, list);
  CHECK_STR(list, ". .. dev sandbox usr");
  rewinddir(d);
  names(d, list);
  CHECK_STR(list, ". .. dev sandbox usr");
  errno = 0;
  CHECK_EQ(dirfd(d), -1);
  CHECK_EQ(errno, ENOTSUP);
  CHECK_EQ(closedir(d), 0);
  d = opendir("/usr/");
  CHECK(d != NULL);
  names(d, list);
  CHECK_STR(list, ". .. bin lib");
  closedir(d);
  d = opendir("/usr/lib");
  CHECK(d != NULL);
  names(d, list);
  CHECK_STR(list, ". .. tests");
  closedir(d);

  /* A grant with a grant inside is a real directory. */
  int fd = open("/sandbox/marker", O_WRONLY | O_CREAT, 0644);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(entry("/sandbox", "marker", &e), 0);
  CHECK_EQ(e.d_type, DT_REG);
  CHECK_EQ(stat("/sandbox", &st), 0);
  CHECK_EQ(st.st_mode & 0777, 0777);
  CHECK_EQ(access("/sandbox/nested/ancestors.c", R_OK), 0);

  /* Types and inode numbers agree with stat. */
  CHECK_EQ(entry("/", "usr", &e), 0);
  CHECK_EQ(e.d_type, DT_DIR);
  CHECK_EQ(stat("/usr", &st), 0);
  CHECK_EQ(e.d_ino, st.st_ino);
  CHECK(st.st_ino != 0);
  CHECK_EQ(entry("/", "sandbox", &e), 0);
  CHECK_EQ(e.d_type, DT_DIR);
  CHECK_EQ(stat("/sandbox", &st), 0);
  CHECK_EQ(e.d_ino, st.st_ino);
  CHECK_EQ(entry("/usr", "bin", &e), 0);
  CHECK_EQ(e.d_type, DT_DIR);
  CHECK_EQ(entry("/dev", "null", &e), 0);
  CHECK_EQ(e.d_type, DT_CHR);
  CHECK_EQ(entry("/usr", ".", &e), 0);
  CHECK_EQ(stat("/usr", &st), 0);
  CHECK_EQ(e.d_ino, st.st_ino);
  CHECK_EQ(entry("/usr", "..", &e), 0);
  CHECK_EQ(stat("/", &st), 0);
  CHECK_EQ(e.d_ino, st.st_ino);

  /* telldir, seekdir, readdir_r. */
  d = opendir("/usr");
  CHECK(d != NULL);
  struct dirent *first = readdir(d);
  CHECK(first != NULL);
  char first_name[NAME_MAX + 1];
  strcpy(first_name, first->d_name);
  long pos = telldir(d);
  struct dirent *second = readdir(d);
  CHECK(second != NULL);
  char second_name[NAME_MAX + 1];
  strcpy(second_name, second->d_name);
  seekdir(d, pos);
  struct dirent *res;
  CHECK_EQ(readdir_r(d, &e, &res), 0);
  CHECK(res == &e);
  CHECK_STR(e.d_name, second_name);
  closedir(d);
  int n = scandir("/", &(struct dirent **){0}, NULL, NULL);
  CHECK_EQ(n, 5);

  /* realpath names them. */
  CHECK(realpath("/usr/lib/..", buf) != NULL);
  CHECK_STR(buf, "/usr");
  CHECK(realpath("/usr/lib/tests/../tests/ancestors.c", buf) != NULL);
  CHECK_STR(buf, "/usr/lib/tests/ancestors.c");
  CHECK(realpath("/usr/missing", buf) == NULL);
  CHECK_EQ(errno, ENOTCAPABLE);

  /* The current directory. */
  CHECK_EQ(chdir("/"), 0);
  CHECK(getcwd(buf, sizeof(buf)) != NULL);
  CHECK_STR(buf, "/");
  d = opendir(".");
  CHECK(d != NULL);
  names(d, list);
  CHECK_STR(list, ". .. dev sandbox usr");
  closedir(d);
  CHECK_EQ(stat(".", &st), 0);
  CHECK(S_ISDIR(st.st_mode));
  CHECK_EQ(chdir("usr"), 0);
  CHECK_EQ(chdir("lib/tests"), 0);
  CHECK(getcwd(buf, sizeof(buf)) != NULL);
  CHECK_STR(buf, "/usr/lib/tests");
  CHECK_EQ(access("ancestors.c", R_OK), 0);
  CHECK_EQ(chdir(".."), 0);
  CHECK(getcwd(buf, sizeof(buf)) != NULL);
  CHECK_STR(buf, "/usr/lib");
  CHECK_EQ(stat("tests/ancestors.c", &st), 0);
  CHECK_ERRNO(chdir("/etc"), ENOTCAPABLE);

  /* Nothing is made or changed in them. */
  CHECK_ERRNO(open("new", O_WRONLY | O_CREAT, 0644), ENOTCAPABLE);
  CHECK_ERRNO(open("/new", O_WRONLY | O_CREAT, 0644), ENOTCAPABLE);
  CHECK_ERRNO(mkdir("/usr/new", 0755), ENOTCAPABLE);
  CHECK_ERRNO(mkdir("/usr", 0755), EEXIST);
  CHECK_ERRNO(rmdir("/usr/lib"), ENOTCAPABLE);
  CHECK_ERRNO(rename("/usr/lib", "/usr/lib2"), ENOTCAPABLE);
  CHECK_ERRNO(symlink("x", "/usr/link"), ENOTCAPABLE);
  CHECK_ERRNO(chmod("/usr", 0777), ENOTCAPABLE);
  CHECK_ERRNO(open("/", O_RDONLY), ENOTCAPABLE);
  CHECK(opendir("/etc") == NULL);
  CHECK_EQ(errno, ENOTCAPABLE);
  CHECK_EQ(chdir("/sandbox"), 0);
  return test_summary();
}
