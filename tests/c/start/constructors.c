/* Constructors run before main, destructors and atexit handlers at exit in
 * the order C and gcc define. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int order;

static void say(const char *s) { write(STDOUT_FILENO, s, strlen(s)); }

__attribute__((constructor)) static void ctor(void) { order = 1; }
__attribute__((destructor)) static void dtor(void) { say("destructor\n"); }
static void first(void) { say("atexit registered first\n"); }
static void second(void) { say("atexit registered second\n"); }

int main(void) {
  if (order != 1) return 1;
  atexit(first);
  atexit(second);
  say("main\n");
  exit(7);
}
