/* Positioning with buffered reads and writes: the logical position is
 * what ftell reports, and switching between reading and writing keeps
 * every byte where the position says. */
#include "test.h"
#include <stdio.h>
#include <string.h>

static void contents(FILE *f, char *out, size_t n) {
  fflush(f);
  long pos = ftell(f);
  rewind(f);
  size_t got = fread(out, 1, n - 1, f);
  out[got] = '\0';
  fseek(f, pos, SEEK_SET);
}

int main(void) {
  char buf[64];
  FILE *f = fopenat(TEST_DIR_FD, "s.txt", "w+");
  CHECK(f != NULL);
  CHECK_EQ(ftell(f), 0);
  fputs("0123456789", f);
  CHECK_EQ(ftell(f), 10);

  /* Seek back over buffered output and overwrite. */
  CHECK_EQ(fseek(f, 2, SEEK_SET), 0);
  fputs("ab", f);
  CHECK_EQ(ftell(f), 4);
  contents(f, buf, sizeof(buf));
  CHECK_STR(buf, "01ab456789");

  /* Read, then write at the position reached (C11 wants a seek between;
   * we keep the position right either way). */
  rewind(f);
  CHECK_EQ(fgetc(f), '0');
  CHECK_EQ(fgetc(f), '1');
  CHECK_EQ(ftell(f), 2);
  CHECK_EQ(fseek(f, 0, SEEK_CUR), 0);
  fputc('X', f);
  CHECK_EQ(ftell(f), 3);
  contents(f, buf, sizeof(buf));
  CHECK_STR(buf, "01Xb456789");
  rewind(f);
  fgetc(f);
  fputc('Y', f);
  contents(f, buf, sizeof(buf));
  CHECK_STR(buf, "0YXb456789");

  /* Write, then read without a seek: the output is flushed first. */
  fseek(f, 5, SEEK_SET);
  fputc('Z', f);
  CHECK_EQ(fgetc(f), '6');
  CHECK_EQ(ftell(f), 7);

  /* SEEK_END and SEEK_CUR with read-ahead in the buffer. */
  CHECK_EQ(fseek(f, -3, SEEK_END), 0);
  CHECK_EQ(ftell(f), 7);
  CHECK_EQ(fgetc(f), '7');
  CHECK_EQ(fseek(f, -2, SEEK_CUR), 0);
  CHECK_EQ(fgetc(f), '6');
  CHECK_ERRNO(fseek(f, -100, SEEK_CUR), EINVAL);
  CHECK_ERRNO(fseek(f, 0, 99), EINVAL);

  /* fgetpos and fsetpos. */
  fpos_t pos;
  fseek(f, 4, SEEK_SET);
  CHECK_EQ(fgetpos(f, &pos), 0);
  fgetc(f);
  fgetc(f);
  CHECK_EQ(fsetpos(f, &pos), 0);
  CHECK_EQ(ftell(f), 4);
  CHECK_EQ(fgetc(f), '4');

  /* Seeking clears end-of-file; rewind also clears the error flag. */
  fseek(f, 0, SEEK_END);
  CHECK_EQ(fgetc(f), EOF);
  CHECK(feof(f));
  fseek(f, 0, SEEK_SET);
  CHECK(!feof(f));

  /* Past the end: the gap reads as zeros. */
  fseek(f, 12, SEEK_SET);
  fputc('!', f);
  fseek(f, 10, SEEK_SET);
  CHECK_EQ(fgetc(f), 0);
  CHECK_EQ(fgetc(f), 0);
  CHECK_EQ(fgetc(f), '!');
  fclose(f);

  /* Append mode writes at the end wherever the position is. */
  f = fopenat(TEST_DIR_FD, "s.txt", "a+");
  fseek(f, 0, SEEK_SET);
  CHECK_EQ(fgetc(f), '0');
  fputs("END", f);
  CHECK_EQ(ftell(f), 16);
  contents(f, buf, sizeof(buf));
  CHECK_EQ(memcmp(buf + 10, "\0\0!END", 6), 0);
  fclose(f);

  /* A large seek-and-read pattern across buffer boundaries. */
  f = fopenat(TEST_DIR_FD, "big.txt", "w+");
  for (int i = 0; i < 20000; i++) fputc('a' + i % 26, f);
  for (long p = 19999; p >= 0; p -= 997) {
    fseek(f, p, SEEK_SET);
    CHECK_EQ(fgetc(f), 'a' + p % 26);
    CHECK_EQ(ftell(f), p + 1);
  }
  fclose(f);
  return test_summary();
}
