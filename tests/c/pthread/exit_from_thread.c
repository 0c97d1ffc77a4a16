/* exit() called by a thread other than main ends the whole process with
 * that status, at once, running atexit handlers; main is still blocked. */
#include <pthread.h>
#include <stdlib.h>
#include "test.h"

static void bye(void) { write(1, "atexit\n", 7); }

static void *quit(void *arg) {
  (void)arg;
  exit(7);
}

int main(void) {
  pthread_t t;
  atexit(bye);
  pthread_create(&t, NULL, quit, NULL);
  pthread_join(t, NULL);
  write(1, "joined\n", 7);
  for (;;) sched_yield();
}
