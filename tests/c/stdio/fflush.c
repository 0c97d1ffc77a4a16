/* fflush: output reaches the descriptor; fflush(NULL) flushes every
 * stream; on an input stream, read-ahead goes back so the descriptor is at
 * the stream's position. */
#include "test.h"
#include <stdio.h>

int main(void) {
  FILE *a = fopenat(TEST_DIR_FD, "a.txt", "w");
  FILE *b = fopenat(TEST_DIR_FD, "b.txt", "w");
  fputs("aaa", a);
  fputs("bbbb", b);
  CHECK_EQ(fflush(NULL), 0);
  FILE *ra = fopenat(TEST_DIR_FD, "a.txt", "r");
  FILE *rb = fopenat(TEST_DIR_FD, "b.txt", "r");
  char buf[8] = {0};
  CHECK_EQ(fread(buf, 1, 7, ra), 3);
  CHECK_EQ(fread(buf, 1, 7, rb), 4);
  fclose(ra);
  fclose(rb);
  fclose(a);
  fclose(b);

  /* Input: the stream read ahead; after fflush the descriptor is back at
   * the logical position. */
  FILE *r = fopenat(TEST_DIR_FD, "b.txt", "r");
  CHECK_EQ(fgetc(r), 'b');
  CHECK_EQ(fflush(r), 0);
  char rest[8] = {0};
  CHECK_EQ(read(fileno(r), rest, sizeof(rest)), 3);
  CHECK_STR(rest, "bbb");
  fclose(r);

  /* A write to a closed descriptor shows at fflush. */
  FILE *w = fopenat(TEST_DIR_FD, "c.txt", "w");
  fputs("lost?", w);
  close(fileno(w));
  CHECK_EQ(fflush(w), EOF);
  CHECK_EQ(errno, EBADF);
  CHECK(ferror(w));
  return test_summary();
}
