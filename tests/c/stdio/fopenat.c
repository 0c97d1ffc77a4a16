/* fopenat: every mode, relative to a directory descriptor. */
#include "test.h"
#include <stdio.h>

static int read_all(const char *name, char *buf, int n) {
  FILE *f = fopenat(TEST_DIR_FD, name, "r");
  if (f == NULL) return -1;
  int got = (int)fread(buf, 1, (size_t)n - 1, f);
  buf[got] = '\0';
  fclose(f);
  return got;
}

int main(void) {
  char buf[64];
  FILE *f = fopenat(TEST_DIR_FD, "f.txt", "w");
  CHECK(f != NULL);
  fputs("first", f);
  CHECK_EQ(fclose(f), 0);
  CHECK_EQ(read_all("f.txt", buf, sizeof(buf)), 5);
  CHECK_STR(buf, "first");

  /* "a" appends; "w" truncates. */
  f = fopenat(TEST_DIR_FD, "f.txt", "a");
  fputs("+more", f);
  fclose(f);
  CHECK_STR((read_all("f.txt", buf, sizeof(buf)), buf), "first+more");
  f = fopenat(TEST_DIR_FD, "f.txt", "w");
  fclose(f);
  CHECK_EQ(read_all("f.txt", buf, sizeof(buf)), 0);

  /* "r+" keeps the contents and writes over them. */
  f = fopenat(TEST_DIR_FD, "f.txt", "w");
  fputs("abcdef", f);
  fclose(f);
  f = fopenat(TEST_DIR_FD, "f.txt", "r+");
  CHECK_EQ(fgetc(f), 'a');
  fseek(f, 0, SEEK_CUR);
  fputs("BC", f);
  fclose(f);
  CHECK_STR((read_all("f.txt", buf, sizeof(buf)), buf), "aBCdef");

  /* "wx" refuses an existing file. */
  CHECK(fopenat(TEST_DIR_FD, "f.txt", "wx") == NULL);
  CHECK_EQ(errno, EEXIST);
  f = fopenat(TEST_DIR_FD, "new.txt", "wx");
  CHECK(f != NULL);
  fclose(f);

  /* "w+" reads back what it wrote; "b" changes nothing. */
  f = fopenat(TEST_DIR_FD, "g.bin", "w+b");
  fwrite("\0\1\2", 1, 3, f);
  rewind(f);
  CHECK_EQ(fread(buf, 1, 3, f), 3);
  CHECK_EQ(memcmp(buf, "\0\1\2", 3), 0);
  fclose(f);

  /* fdopen on a stream's descriptor shares the file. */
  f = fopenat(TEST_DIR_FD, "f.txt", "r");
  FILE *g = fdopen(fileno(f), "r");
  CHECK(g != NULL);
  CHECK_EQ(fgetc(g), 'a');
  fclose(g);

  /* renameat moves a file within the directory. */
  CHECK_EQ(renameat(TEST_DIR_FD, "new.txt", TEST_DIR_FD, "renamed.txt"), 0);
  CHECK(fopenat(TEST_DIR_FD, "new.txt", "r") == NULL);
  CHECK_EQ(errno, ENOENT);
  f = fopenat(TEST_DIR_FD, "renamed.txt", "r");
  CHECK(f != NULL);
  fclose(f);
  CHECK_ERRNO(renameat(TEST_DIR_FD, "nothing", TEST_DIR_FD, "x"), ENOENT);
  CHECK_ERRNO(renameat(-1, "a", TEST_DIR_FD, "b"), EBADF);
  return test_summary();
}
