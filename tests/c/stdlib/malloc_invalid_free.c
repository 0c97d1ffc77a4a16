/* Freeing a pointer into the middle of a block (here, an aligned one
 * that malloc never returned) aborts with a message. */
#include <stdlib.h>
#include "test.h"

int main(void) {
  char *p = malloc(1000);
  volatile size_t offset = 32;
  free(p + offset);
  test_out("not reached\n");
  return 0;
}
