/* Named semaphores live in a global namespace that no capability grants:
 * sem_open and sem_unlink fail with ENOTCAPABLE, sem_close with EINVAL. */
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include "test.h"

int main(void) {
  errno = 0;
  CHECK(sem_open("/sem", O_CREAT | O_EXCL, 0600, 1u) == SEM_FAILED);
  CHECK_EQ(errno, ENOTCAPABLE);
  errno = 0;
  CHECK(sem_open("/sem", 0) == SEM_FAILED);
  CHECK_EQ(errno, ENOTCAPABLE);
  CHECK_ERRNO(sem_unlink("/sem"), ENOTCAPABLE);

  sem_t unnamed;
  CHECK_EQ(sem_init(&unnamed, 0, 1), 0);
  CHECK_ERRNO(sem_close(&unnamed), EINVAL);
  CHECK_EQ(sem_destroy(&unnamed), 0);
  return test_summary();
}
