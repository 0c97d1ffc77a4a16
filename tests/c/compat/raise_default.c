/* With the default action, a terminating signal ends the process the way
 * the kernel does it: the parent sees death by that signal. */
#include <signal.h>
#include <unistd.h>

int main(void) {
  write(1, "before\n", 7);
  raise(SIGTERM);
  write(1, "after\n", 6);
  return 0;
}
