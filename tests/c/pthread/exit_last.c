/* The main thread may end with pthread_exit; the process lives on while
 * other threads run, and ends with status 0 (running atexit handlers)
 * when the last one exits. A joiner collects main's result. */
#include <pthread.h>
#include <stdlib.h>
#include "test.h"

static pthread_t main_thread;

static void bye(void) { write(1, "atexit\n", 7); }

static void *wait_for_main(void *arg) {
  void *r = NULL;
  (void)arg;
  if (pthread_join(main_thread, &r) == 0 && r == (void *)42) write(1, "main joined\n", 12);
  pthread_exit(NULL);
}

int main(void) {
  pthread_t t;
  atexit(bye);
  main_thread = pthread_self();
  pthread_create(&t, NULL, wait_for_main, NULL);
  pthread_exit((void *)42);
}
