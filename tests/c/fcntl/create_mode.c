/* A file open creates gets the mode argument's permission bits, narrowed
 * by the umask; an existing file keeps its mode. */
#include "test.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int mode_of(const char *name) {
  struct stat st;
  if (fstatat(TEST_DIR_FD, name, &st, 0) != 0) return -1;
  return st.st_mode & 07777;
}

int main(void) {
  /* The launcher's umask is inherited (whatever the runner's is). */
  CHECK((umask(022) & ~0777) == 0);
  int fd = openat(TEST_DIR_FD, "private", O_RDWR | O_CREAT | O_EXCL, 0600);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("private"), 0600);
  close(fd);
  fd = openat(TEST_DIR_FD, "shared", O_WRONLY | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("shared"), 0644);
  close(fd);
  /* Opening an existing file changes nothing. */
  fd = openat(TEST_DIR_FD, "private", O_RDWR | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("private"), 0600);
  close(fd);
  /* Set-id and sticky bits are never given. */
  fd = openat(TEST_DIR_FD, "setid", O_WRONLY | O_CREAT, 06755);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("setid"), 0755);
  close(fd);
  /* Created so that its owner may not open it again, it can still have
   * its mode changed back. */
  fd = openat(TEST_DIR_FD, "zero", O_CREAT, 0);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(mode_of("zero"), 0);
  CHECK_ERRNO(openat(TEST_DIR_FD, "zero", O_RDONLY), EACCES);
  CHECK_EQ(fchmodat(TEST_DIR_FD, "zero", 0644, 0), 0);
  CHECK_EQ(mode_of("zero"), 0644);
  fd = openat(TEST_DIR_FD, "zero", O_RDONLY);
  CHECK(fd >= 0);
  close(fd);
  /* An existing file opened with such a mode keeps its own. */
  fd = openat(TEST_DIR_FD, "zero", O_RDONLY | O_CREAT, 0);
  CHECK(fd >= 0);
  close(fd);
  CHECK_EQ(mode_of("zero"), 0644);
  CHECK_EQ(umask(077), 022);
  fd = openat(TEST_DIR_FD, "narrow", O_WRONLY | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("narrow"), 0600);
  close(fd);
  /* Only the program's umask applies, not also the launcher's. */
  CHECK_EQ(umask(0), 077);
  fd = openat(TEST_DIR_FD, "open", O_WRONLY | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(mode_of("open"), 0666);
  close(fd);
  CHECK_EQ(mkdirat(TEST_DIR_FD, "opendir", 0777), 0);
  CHECK_EQ(mode_of("opendir"), 0777);
  /* A forked child inherits it. */
  umask(027);
  pid_t child = fork();
  if (child == 0) _exit(umask(0) == 027 ? 0 : 1);
  int status;
  CHECK_EQ(waitpid(child, &status, 0), child);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return test_summary();
}
