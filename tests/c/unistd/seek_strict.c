/* Under _CLOUDLIBC_STRICT the SEEK values are cloudlibc's (SEEK_SET 3). */
#define _CLOUDLIBC_STRICT
#include "test.h"
#include <fcntl.h>
#include <stdio.h>

int main(void) {
  CHECK_EQ(SEEK_SET, 3);
  CHECK_EQ(SEEK_CUR, 1);
  CHECK_EQ(SEEK_END, 2);
  int fd = openat(TEST_DIR_FD, "f", O_RDWR | O_CREAT, 0666);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "abcdef", 6), 6);
  CHECK_EQ(lseek(fd, 1, SEEK_SET), 1);
  char b[3] = {0};
  CHECK_EQ(read(fd, b, 2), 2);
  CHECK_STR(b, "bc");
  FILE *f = fdopen(fd, "r");
  CHECK(f != NULL);
  CHECK_EQ(fseek(f, 4, SEEK_SET), 0);
  CHECK_EQ(fgetc(f), 'e');
  CHECK_EQ(fseek(f, 0, 0), 0);
  CHECK_EQ(fgetc(f), 'a');
  CHECK_ERRNO(fseek(f, 0, 7), EINVAL);
  fclose(f);
  return test_summary();
}
