/* Output buffered when exit() runs is written, after atexit handlers
 * (which may still print). */
#include <stdio.h>
#include <stdlib.h>

static void handler(void) { fputs("from atexit\n", stdout); }

int main(void) {
  atexit(handler);
  printf("buffered %d", 1);
  fputs(" and more\n", stdout);
  fputs("no newline at the end", stdout);
  exit(3);
}
