/* fswap exchanges two streams: each handle now reads the other's data. */
#include "test.h"
#include <stdio.h>

int main(void) {
  FILE *a = tmpfile();
  FILE *b = tmpfile();
  fputs("from a", a);
  fputs("from b", b);
  rewind(a);
  fgetc(a);
  fswap(a, b);
  char buf[16] = {0};
  rewind(a);
  CHECK(fgets(buf, sizeof(buf), a) != NULL);
  CHECK_STR(buf, "from b");
  CHECK(fgets(buf, sizeof(buf), b) != NULL);
  CHECK_STR(buf, "rom a");
  fswap(a, a);
  fclose(a);
  fclose(b);
  return test_summary();
}
