/* mmap and friends with CloudABI's flag values: anonymous and file
 * mappings, sharing, protection, sync and advice; anonymous shared memory
 * through shm_open(SHM_ANON) and memfd_create; the calls with no meaning
 * here fail. */
#include "test.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>

static void anonymous(void) {
  char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
  CHECK(p != MAP_FAILED);
  CHECK_EQ(p[100], 0);
  p[8191] = 7;
  CHECK_EQ(p[8191], 7);
  CHECK_EQ(mprotect(p, 4096, PROT_READ), 0);
  CHECK_EQ(posix_madvise(p, 8192, POSIX_MADV_WILLNEED), 0);
  CHECK_EQ(posix_madvise(p, 8192, 99), EINVAL);
  CHECK_EQ(madvise(p, 8192, MADV_NORMAL), 0);
  CHECK_ERRNO(madvise(p, 8192, 2), EINVAL);
  CHECK_EQ(munmap(p, 8192), 0);
  /* The descriptor is ignored for anonymous memory. */
  p = mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS | MAP_PRIVATE, 5, 0);
  CHECK(p != MAP_FAILED);
  CHECK_EQ(munmap(p, 4096), 0);
}

static void file_mapping(void) {
  int f = openat(TEST_DIR_FD, "m", O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(f >= 0);
  CHECK_EQ(ftruncate(f, 4096), 0);
  CHECK_EQ(pwrite(f, "on disk", 7, 0), 7);
  char *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, f, 0);
  CHECK(shared != MAP_FAILED);
  CHECK_EQ(memcmp(shared, "on disk", 7), 0);
  memcpy(shared + 100, "via map", 7);
  CHECK_EQ(msync(shared, 4096, MS_SYNC), 0);
  char back[8] = {0};
  CHECK_EQ(pread(f, back, 7, 100), 7);
  CHECK_STR(back, "via map");

  char *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, f, 0);
  CHECK(priv != MAP_FAILED);
  priv[0] = 'X';
  CHECK_EQ(pread(f, back, 1, 0), 1);
  CHECK_EQ(back[0], 'o');
  CHECK_EQ(munmap(priv, 4096), 0);
  CHECK_EQ(munmap(shared, 4096), 0);

  /* Errors: unknown bits, writable and executable, negative offset, no
   * descriptor, a descriptor without the right to be mapped. */
  CHECK(mmap(NULL, 4096, 0x80, MAP_SHARED, f, 0) == MAP_FAILED);
  CHECK_EQ(errno, EINVAL);
  CHECK(mmap(NULL, 4096, PROT_READ, 0x40 | MAP_SHARED, f, 0) == MAP_FAILED);
  CHECK_EQ(errno, EINVAL);
  CHECK(mmap(NULL, 4096, PROT_WRITE | PROT_EXEC, MAP_PRIVATE, f, 0) == MAP_FAILED);
  CHECK_EQ(errno, ENOTSUP);
  CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, f, -4096) == MAP_FAILED);
  CHECK_EQ(errno, EINVAL);
  CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, 1000, 0) == MAP_FAILED);
  CHECK_EQ(errno, EBADF);
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, sv[0], 0) == MAP_FAILED);
  CHECK_EQ(errno, ENOTCAPABLE);
  close(sv[0]);
  close(sv[1]);
  CHECK_ERRNO(msync(back, 1, 0x40), EINVAL);
  close(f);
}

static void shared_memory(void) {
  int m = shm_open(SHM_ANON, O_RDWR, 0600);
  CHECK(m >= 0);
  CHECK_EQ(ftruncate(m, 4096), 0);
  int *a = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, m, 0);
  int *b = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, m, 0);
  CHECK(a != MAP_FAILED && b != MAP_FAILED);
  a[10] = 12345;
  CHECK_EQ(b[10], 12345);
  struct stat st;
  CHECK_EQ(fstat(m, &st), 0);
  CHECK_EQ(st.st_size, 4096);
  munmap(a, 4096);
  munmap(b, 4096);
  close(m);

  int ro = shm_open(SHM_ANON, O_RDONLY | O_CREAT, 0);
  CHECK(ro >= 0);
  CHECK_ERRNO(write(ro, "x", 1), ENOTCAPABLE);
  close(ro);
  CHECK_ERRNO(shm_open(SHM_ANON, O_WRONLY, 0), EINVAL);
  CHECK_ERRNO(shm_open("/named", O_RDWR | O_CREAT, 0600), ENOTCAPABLE);
  CHECK_ERRNO(shm_unlink("/named"), ENOTCAPABLE);

  int mf = memfd_create("label", MFD_CLOEXEC);
  CHECK(mf >= 0);
  CHECK_EQ(write(mf, "memfd", 5), 5);
  char buf[5];
  CHECK_EQ(pread(mf, buf, 5, 0), 5);
  CHECK_EQ(memcmp(buf, "memfd", 5), 0);
  close(mf);
  CHECK_ERRNO(memfd_create("x", 0x2), EINVAL);
}

static void locking(void) {
  char page[16];
  CHECK_ERRNO(mlock(page, sizeof(page)), EPERM);
  CHECK_ERRNO(munlock(page, sizeof(page)), EPERM);
  CHECK_ERRNO(mlockall(MCL_CURRENT | MCL_FUTURE), EPERM);
  CHECK_ERRNO(munlockall(), EPERM);
}

int main(void) {
  anonymous();
  file_mapping();
  shared_memory();
  locking();
  return test_summary();
}
