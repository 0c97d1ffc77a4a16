/* Capsicum rights are CloudABI rights: sets can be built and compared;
 * limiting a descriptor removes rights for good (more cannot be added
 * back: ENOTCAPABLE), and calls needing a removed right fail with
 * ENOTCAPABLE. The process is always in capability mode. */
#include "test.h"
#include <cloudabi_types.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/capsicum.h>

int main(void) {
  cap_rights_t r, s;
  CHECK(cap_rights_init(&r) == &r);
  CHECK_EQ(r.__value, 0);
  cap_rights_init(&r, CAP_READ, CAP_SEEK);
  CHECK_EQ(r.__value, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_FD_TELL);
  CHECK(cap_rights_is_set(&r, CAP_READ));
  CHECK(cap_rights_is_set(&r, CAP_READ, CAP_SEEK_TELL));
  CHECK(!cap_rights_is_set(&r, CAP_READ, CAP_WRITE));
  CHECK(cap_rights_set(&r, CAP_WRITE, CAP_FSYNC, CAP_FTRUNCATE, CAP_FSTAT, CAP_MMAP_RW) == &r);
  CHECK(cap_rights_is_set(&r, CAP_WRITE, CAP_FSYNC, CAP_MMAP));
  CHECK_EQ(CAP_FTRUNCATE, CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE);
  CHECK_EQ(CAP_FEXECVE, CLOUDABI_RIGHT_PROC_EXEC);
  CHECK_EQ(CAP_LOOKUP, CLOUDABI_RIGHT_FILE_LINK_SOURCE | CLOUDABI_RIGHT_FILE_OPEN);
  CHECK(cap_rights_clear(&r, CAP_MMAP, CAP_FSYNC) == &r);
  CHECK(!cap_rights_is_set(&r, CAP_MMAP));
  CHECK(cap_rights_is_set(&r, CAP_WRITE));

  cap_rights_init(&s, CAP_READ);
  CHECK(cap_rights_contains(&r, &s));
  CHECK(!cap_rights_contains(&s, &r));
  cap_rights_init(&s, CAP_UNLINKAT);
  CHECK(cap_rights_merge(&r, &s) == &r);
  CHECK(cap_rights_is_set(&r, CAP_UNLINKAT, CAP_READ));
  CHECK(cap_rights_remove(&r, &s) == &r);
  CHECK(!cap_rights_is_set(&r, CAP_UNLINKAT));

  CAP_ALL(&s);
  CHECK(cap_rights_contains(&s, &r));
  CAP_NONE(&s);
  CHECK_EQ(s.__value, 0);
  (CAP_ALL)(&s);
  CHECK_EQ(s.__value, (1ull << 41) - 1);
  (CAP_NONE)(&s);
  CHECK_EQ(s.__value, 0);

  unsigned mode = 0;
  CHECK_EQ(cap_enter(), 0);
  CHECK_EQ(cap_getmode(&mode), 0);
  CHECK_EQ(mode, 1);
  CHECK(cap_sandboxed() == true);

  int fd = openat(TEST_DIR_FD, "file", O_RDWR | O_CREAT, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(cap_rights_get(fd, &r), 0);
  CHECK(cap_rights_is_set(&r, CAP_READ, CAP_WRITE, CAP_SEEK));
  cap_rights_init(&s, CAP_READ, CAP_SEEK, CAP_FSTAT);
  CHECK_EQ(cap_rights_limit(fd, &s), 0);
  CHECK_EQ(cap_rights_get(fd, &r), 0);
  CHECK_EQ(r.__value, s.__value);
  CHECK_ERRNO(write(fd, "x", 1), ENOTCAPABLE);
  char c;
  CHECK_EQ(read(fd, &c, 1), 0);
  cap_rights_init(&s, CAP_READ, CAP_WRITE);
  CHECK_ERRNO(cap_rights_limit(fd, &s), ENOTCAPABLE);
  CHECK_EQ(cap_rights_get(fd, &r), 0);
  CHECK(!cap_rights_is_set(&r, CAP_WRITE));
  close(fd);

  cap_rights_t base, inh;
  int dir = openat(TEST_DIR_FD, ".", O_RDONLY | O_DIRECTORY);
  CHECK(dir >= 0);
  CHECK_EQ(cap_rights_get_explicit(dir, &base, &inh), 0);
  CHECK(cap_rights_is_set(&base, CAP_LOOKUP, CAP_CREATE));
  CHECK(cap_rights_is_set(&inh, CAP_WRITE));
  cap_rights_clear(&inh, CAP_WRITE);
  CHECK_EQ(cap_rights_limit_explicit(dir, &base, &inh), 0);
  CHECK_ERRNO(openat(dir, "file", O_WRONLY), ENOTCAPABLE);
  fd = openat(dir, "file", O_RDONLY);
  CHECK(fd >= 0);
  close(fd);
  cap_rights_set(&inh, CAP_WRITE);
  CHECK_ERRNO(cap_rights_limit_explicit(dir, &base, &inh), ENOTCAPABLE);

  CHECK_ERRNO(cap_rights_limit(-1, NULL), EBADF);
  CHECK_ERRNO(cap_rights_get(99, &r), EBADF);
  CHECK_ERRNO(cap_rights_get_explicit(99, &base, &inh), EBADF);
  return test_summary();
}
