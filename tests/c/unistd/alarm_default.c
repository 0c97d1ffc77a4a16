/* With SIGALRM's default action, pause ends the process by the signal when
 * the alarm is due. */
#include "test.h"

int main(void) {
  alarm(1);
  pause();
  write(1, "survived\n", 9);
  return 1;
}
