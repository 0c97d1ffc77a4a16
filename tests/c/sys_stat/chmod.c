/* chmod, fchmodat, fchmod: permission bits round-trip through stat and
 * fstat; the set-ID bits are refused; modes that keep the owner from
 * opening the file can be undone by this program (16 files at a time); a
 * symbolic link's own mode cannot change; nothing outside the grants is
 * reached; the rights that change times are needed; mkdir applies its
 * mode less the umask. */
#include "test.h"
#include <fcntl.h>
#include <dirent.h>
#include <stdio.h>
#include <sys/capsicum.h>
#include <sys/stat.h>
#include <unistd.h>

/* The permission bits of `path` (not following a last link). */
static unsigned perm(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return 0xffffffff;
  return st.st_mode & 07777;
}

int main(void) {
  int fd = openat(TEST_DIR_FD, "f", O_RDWR | O_CREAT, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(chmod("f", 0600), 0);
  CHECK_EQ(perm("f"), 0600);
  CHECK_EQ(chmod("/sandbox/f", 0640), 0);
  struct stat st;
  CHECK_EQ(fstat(fd, &st), 0);
  CHECK_EQ(st.st_mode, S_IFREG | 0640);
  CHECK_EQ(fchmod(fd, 0604), 0);
  CHECK_EQ(perm("f"), 0604);
  CHECK_EQ(fchmodat(TEST_DIR_FD, "f", 0444, 0), 0);
  CHECK_EQ(fstatat(TEST_DIR_FD, "f", &st, 0), 0);
  CHECK_EQ(st.st_mode & 07777, 0444);
  /* As on Linux, a whole st_mode may be passed: its type bits are ignored. */
  CHECK_EQ(chmod("f", S_IFREG | 0600), 0);
  CHECK_EQ(perm("f"), 0600);

  /* Set-ID bits would let whoever runs the file act as this program. */
  CHECK_ERRNO(chmod("f", 04755), EPERM);
  CHECK_ERRNO(fchmod(fd, 02755), EPERM);
  CHECK_EQ(perm("f"), 0600);

  /* Modes change through descriptors; a mode that keeps the owner from
   * opening the file again is undone through one the library kept. */
  CHECK_EQ(chmod("f", 0200), 0);
  CHECK_EQ(chmod("f", 0600), 0);
  CHECK_EQ(chmod("f", 0), 0);
  CHECK_EQ(perm("f"), 0);
  CHECK_ERRNO(open("f", O_RDONLY), EACCES);
  CHECK_EQ(chmod("f", 0600), 0);
  CHECK_EQ(fchmod(fd, 0077), 0);
  CHECK_EQ(perm("f"), 0077);
  CHECK_EQ(chmod("f", 0600), 0);
  CHECK_EQ(perm("f"), 0600);

  /* Links are followed unless asked not to; their own mode is fixed. */
  CHECK_EQ(symlink("f", "link"), 0);
  CHECK_EQ(chmod("link", 0640), 0);
  CHECK_EQ(perm("f"), 0640);
  CHECK_ERRNO(fchmodat(TEST_DIR_FD, "link", 0600, AT_SYMLINK_NOFOLLOW), ENOTSUP);
  CHECK_EQ(perm("f"), 0640);
  CHECK_EQ(fchmodat(TEST_DIR_FD, "f", 0600, AT_SYMLINK_NOFOLLOW), 0);
  CHECK_EQ(perm("f"), 0600);
  CHECK_ERRNO(fchmodat(TEST_DIR_FD, "f", 0600, AT_REMOVEDIR), EINVAL);

  /* Nothing outside the grants. */
  CHECK_ERRNO(chmod("missing", 0600), ENOENT);
  CHECK_ERRNO(chmod("/etc/passwd", 0644), ENOTCAPABLE);
  CHECK_ERRNO(fchmodat(TEST_DIR_FD, "../x", 0644, 0), ENOTCAPABLE);
  CHECK_EQ(symlink("/etc/passwd", "abs"), 0);
  CHECK_ERRNO(chmod("abs", 0644), ENOTCAPABLE);
  CHECK_ERRNO(fchmod(99, 0600), EBADF);

  /* Without the right to change times, modes stay too. */
  cap_rights_t r;
  cap_rights_init(&r, CAP_READ, CAP_FSTAT);
  CHECK_EQ(cap_rights_limit(fd, &r), 0);
  CHECK_ERRNO(fchmod(fd, 0644), ENOTCAPABLE);
  CHECK_EQ(perm("f"), 0600);
  close(fd);

  /* Directories; mkdir's mode less the umask. */
  CHECK_EQ(mkdir("d", 0700), 0);
  CHECK_EQ(perm("d"), 0700);
  CHECK_EQ(chmod("d", 01777), 0);
  CHECK_EQ(perm("d"), 01777);
  CHECK_EQ(chmod("d", 0300), 0);
  CHECK_EQ(perm("d"), 0300);
  CHECK_ERRNO(opendir("d") == NULL ? -1 : 0, EACCES);
  CHECK_EQ(chmod("d", 0500), 0);
  CHECK_EQ(perm("d"), 0500);

  /* 256 files can be locked at once; a removed one makes room. */
  char name[16];
  for (int i = 0; i <= 256; i++) {
    snprintf(name, sizeof(name), "locked%03d", i);
    CHECK_EQ(mkdir(name, 0700), 0);
    if (i < 256) CHECK_EQ(chmod(name, 0), 0);
  }
  CHECK_ERRNO(chmod("locked256", 0), EPERM);
  CHECK_EQ(perm("locked256"), 0700);
  CHECK_EQ(rmdir("locked000"), 0);
  CHECK_EQ(chmod("locked256", 0), 0);
  for (int i = 1; i <= 256; i++) {
    snprintf(name, sizeof(name), "locked%03d", i);
    CHECK_EQ(chmod(name, 0755), 0);
    CHECK_EQ(perm(name), 0755);
  }
  CHECK_EQ(umask(002), 022);
  CHECK_EQ(mkdir("d2", 0777), 0);
  CHECK_EQ(perm("d2"), 0775);
  CHECK_EQ(mkdir("d2/d3", 0555), 0);
  CHECK_EQ(perm("d2/d3"), 0555);
  CHECK_EQ(umask(022), 002);
  CHECK_EQ(mkdir("d4", 04777), 0);
  CHECK_EQ(perm("d4"), 0755);
  return test_summary();
}
