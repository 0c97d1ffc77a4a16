/* Buffering modes, observed through what a second stream on the same
 * file can read: full buffering holds data until fflush or a full buffer,
 * line buffering sends each line, no buffering sends every write. */
#include "test.h"
#include <stdio.h>
#include <stdlib.h>

/* Bytes of "name" another stream sees right now. */
static long visible(const char *name) {
  FILE *r = fopenat(TEST_DIR_FD, name, "r");
  if (r == NULL) return -1;
  char buf[10000];
  long n = (long)fread(buf, 1, sizeof(buf), r);
  fclose(r);
  return n;
}

int main(void) {
  /* Full buffering (the default for files). */
  FILE *f = fopenat(TEST_DIR_FD, "full.txt", "w");
  CHECK(f != NULL);
  CHECK_EQ(fputs("abc\n", f), 0);
  CHECK_EQ(fputc('d', f), 'd');
  CHECK_EQ(visible("full.txt"), 0);
  CHECK_EQ(fflush(f), 0);
  CHECK_EQ(visible("full.txt"), 5);
  /* Filling the BUFSIZ buffer sends it. */
  for (int i = 0; i < BUFSIZ; i++) fputc('x', f);
  CHECK(visible("full.txt") >= BUFSIZ);
  CHECK_EQ(fclose(f), 0);
  CHECK_EQ(visible("full.txt"), 5 + BUFSIZ);

  /* Line buffering: complete lines go out, the partial one waits. */
  f = fopenat(TEST_DIR_FD, "line.txt", "w");
  CHECK_EQ(setvbuf(f, NULL, _IOLBF, 64), 0);
  fputs("one\ntw", f);
  CHECK_EQ(visible("line.txt"), 6);
  fputs("o", f);
  CHECK_EQ(visible("line.txt"), 6);
  fprintf(f, "%s\n", "!");
  CHECK_EQ(visible("line.txt"), 9);
  fclose(f);

  /* No buffering: every call writes. */
  f = fopenat(TEST_DIR_FD, "none.txt", "w");
  setbuf(f, NULL);
  fputc('a', f);
  CHECK_EQ(visible("none.txt"), 1);
  fprintf(f, "%d", 12345);
  CHECK_EQ(visible("none.txt"), 6);
  fwrite("xyz", 1, 3, f);
  CHECK_EQ(visible("none.txt"), 9);
  fclose(f);

  /* A caller's buffer of the caller's size. */
  static char mine[8];
  f = fopenat(TEST_DIR_FD, "mine.txt", "w");
  CHECK_EQ(setvbuf(f, mine, _IOFBF, sizeof(mine)), 0);
  fputs("1234567", f);
  CHECK_EQ(visible("mine.txt"), 0);
  CHECK_EQ(mine[0], '1');
  fputs("89", f);
  CHECK(visible("mine.txt") >= 8);
  fclose(f);
  CHECK_EQ(visible("mine.txt"), 9);

  /* Bad mode. */
  f = fopenat(TEST_DIR_FD, "bad.txt", "w");
  errno = 0;
  CHECK(setvbuf(f, NULL, 42, 10) != 0);
  CHECK_EQ(errno, EINVAL);
  fclose(f);

  /* stderr is unbuffered; stdout and stdin exist. */
  CHECK(stderr != NULL && stdout != NULL && stdin != NULL);
  CHECK_EQ(fileno(stderr), 2);
  CHECK_EQ(fileno(stdout), 1);
  CHECK_EQ(fileno(stdin), 0);
  return test_summary();
}
