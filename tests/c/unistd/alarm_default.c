/* With SIGALRM's default action, the alarm ends the process by the
 * signal, even in a busy loop. */
#include "test.h"

int main(void) {
  alarm(1);
  for (;;) {
  }
}
