/* Freeing a block twice aborts with a message instead of corrupting the
 * heap (the status and stderr sidecars check both). */
#include <stdlib.h>
#include "test.h"

int main(void) {
  char *volatile p = malloc(40);
  free(p);
  free(p);
  test_out("not reached\n");
  return 0;
}
