/* program_exec returns an error number on failure (and sets errno). */
#include "test.h"
#include <argdata.h>
#include <program.h>

int main(void) {
  errno = 0;
  CHECK_EQ(program_exec(-1, &argdata_null), EBADF);
  CHECK_EQ(errno, EBADF);
  /* A directory is not an executable: it cannot hold PROC_EXEC. */
  argdata_t *fd = argdata_create_fd(1);
  CHECK_EQ(program_exec(TEST_DIR_FD, fd), ENOTCAPABLE);
  CHECK_EQ(errno, ENOTCAPABLE);
  argdata_free(fd);
  return test_summary();
}
