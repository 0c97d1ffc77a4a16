/* flockfile is recursive; ftrylockfile succeeds for the owner; the
 * _unlocked functions work inside a locked region. */
#include "test.h"
#include <stdio.h>

int main(void) {
  FILE *f = tmpfile();
  flockfile(f);
  flockfile(f);
  CHECK_EQ(ftrylockfile(f), 0);
  for (const char *p = "unlocked"; *p; p++) CHECK_EQ(putc_unlocked(*p, f), *p);
  CHECK_EQ(fputs_unlocked("!", f), 0);
  funlockfile(f);
  funlockfile(f);
  funlockfile(f);
  rewind(f);
  flockfile(f);
  char buf[16] = {0};
  for (int i = 0; i < 9; i++) buf[i] = (char)getc_unlocked(f);
  CHECK_EQ(getc_unlocked(f), EOF);
  CHECK(feof_unlocked(f));
  CHECK(!ferror_unlocked(f));
  clearerr_unlocked(f);
  CHECK(!feof_unlocked(f));
  funlockfile(f);
  CHECK_STR(buf, "unlocked!");
  fclose(f);
  return test_summary();
}
