/* program_getpid: a version 4 UUID, the same on every call. */
#include "test.h"
#include <program.h>

static int xdigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

int main(void) {
  const char *id = program_getpid();
  CHECK(id == program_getpid());
  CHECK_EQ(strlen(id), 36);
  for (int i = 0; i < 36; i++) {
    if (i == 8 || i == 13 || i == 18 || i == 23)
      CHECK_EQ(id[i], '-');
    else
      CHECK(xdigit(id[i]));
  }
  CHECK_EQ(id[14], '4');
  CHECK(id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
  return test_summary();
}
