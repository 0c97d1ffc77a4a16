/* Error and end-of-file indicators: a stream on a descriptor without the
 * right to write fails every write with ENOTCAPABLE and sets the error
 * flag; a stream opened for reading refuses writes (EBADF) and the other
 * way round; clearerr resets. */
#include "test.h"
#include <stdio.h>

int main(void) {
  FILE *w = fopenat(TEST_DIR_FD, "ro.txt", "w");
  fputs("data", w);
  fclose(w);

  /* The descriptor opened for reading has no FD_WRITE right. */
  FILE *r = fopenat(TEST_DIR_FD, "ro.txt", "r");
  int fd = fileno(r);
  FILE *bad = fdopen(fd, "r+");
  CHECK(bad != NULL);
  CHECK(!ferror(bad));
  CHECK_EQ(fputc('x', bad), 'x');
  errno = 0;
  CHECK_EQ(fflush(bad), EOF);
  CHECK_EQ(errno, ENOTCAPABLE);
  CHECK(ferror(bad));
  CHECK(!feof(bad));
  clearerr(bad);
  CHECK(!ferror(bad));

  /* Unbuffered, each call fails at once. */
  FILE *now = fdopen(fd, "r+");
  CHECK_EQ(setvbuf(now, NULL, _IONBF, 0), 0);
  errno = 0;
  CHECK_EQ(fputs("abc", now), EOF);
  CHECK_EQ(errno, ENOTCAPABLE);
  CHECK(ferror(now));
  CHECK_EQ(fprintf(now, "%d", 5), -1);
  CHECK_EQ(fwrite("abc", 1, 3, now), 0);
  CHECK_EQ(putc('x', now), EOF);

  /* Reading works, to the end. */
  rewind(now);
  CHECK(!ferror(now));
  char buf[8] = {0};
  CHECK_EQ(fread(buf, 1, 8, now), 4);
  CHECK_STR(buf, "data");
  CHECK(feof(now));
  CHECK(!ferror(now));
  CHECK_EQ(fgetc(now), EOF);

  /* Bytes that could not be written stay pending: the stream cannot
   * move or read past them, and closing reports the failure. */
  CHECK_ERRNO(fseek(bad, 0, SEEK_SET), ENOTCAPABLE);
  CHECK_EQ(fclose(bad), EOF);

  /* Direction refused by the stream's mode. */
  errno = 0;
  CHECK_EQ(fputc('x', r), EOF);
  CHECK_EQ(errno, EBADF);
  CHECK(ferror(r));
  FILE *wo = fopenat(TEST_DIR_FD, "wo.txt", "w");
  errno = 0;
  CHECK_EQ(fgetc(wo), EOF);
  CHECK_EQ(errno, EBADF);
  CHECK(ferror(wo));
  CHECK(!feof(wo));
  fclose(wo);

  /* Opening errors. */
  CHECK(fdopen(-1, "r") == NULL);
  CHECK_EQ(errno, EBADF);
  CHECK(fdopen(12345, "r") == NULL);
  CHECK_EQ(errno, EBADF);
  CHECK(fdopen(TEST_DIR_FD, "q") == NULL);
  CHECK_EQ(errno, EINVAL);
  CHECK(fopenat(TEST_DIR_FD, "missing.txt", "r") == NULL);
  CHECK_EQ(errno, ENOENT);
  CHECK(fopenat(99, "x.txt", "w") == NULL);
  CHECK_EQ(errno, EBADF);
  CHECK(fopenat(TEST_DIR_FD, "x.txt", "") == NULL);
  CHECK_EQ(errno, EINVAL);
  return test_summary();
}
