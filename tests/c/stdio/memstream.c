/* fmemopen, open_memstream and tmpfile: streams over memory. */
#include "test.h"
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  /* fmemopen "r": reads the buffer, then end of file. */
  static const char text[] = "Hello, world";
  FILE *f = fmemopen((char *)text, sizeof(text) - 1, "r");
  CHECK(f != NULL);
  char buf[32] = {0};
  CHECK_EQ(fread(buf, 1, 6, f), 6);
  CHECK_EQ(ftello(f), 6);
  CHECK_EQ(fwrite("x", 1, 1, f), 0);
  CHECK_EQ(errno, EBADF);
  CHECK(ferror(f));
  CHECK(fgets(buf, sizeof(buf), f) != NULL);
  CHECK_STR(buf, " world");
  CHECK_EQ(fgetc(f), EOF);
  CHECK(feof(f));
  fclose(f);

  /* "a": starts at the first NUL; writes are visible at once; a full
   * buffer fails the write with ENOSPC. */
  char mine[12] = "Hello,";
  f = fmemopen(mine, sizeof(mine), "a");
  CHECK_EQ(ftello(f), 6);
  CHECK_EQ(fputs(" world", f), 0);
  CHECK_EQ(memcmp(mine, "Hello, world", 12), 0);
  errno = 0;
  CHECK_EQ(fputc('!', f), EOF);
  CHECK_EQ(errno, ENOSPC);
  CHECK(ferror(f));
  fclose(f);

  /* "w+": truncates, NUL after the data, seek and read back. */
  char area[16];
  memset(area, 'Q', sizeof(area));
  f = fmemopen(area, sizeof(area), "w+");
  CHECK_EQ(area[0], '\0');
  fprintf(f, "%d-%s", 42, "ok");
  CHECK_STR(area, "42-ok");
  CHECK_EQ(fseek(f, 0, SEEK_END), 0);
  CHECK_EQ(ftell(f), 5);
  CHECK_ERRNO(fseek(f, 17, SEEK_SET), EINVAL);
  rewind(f);
  int n = 0;
  char word[8];
  CHECK_EQ(fscanf(f, "%d-%7s", &n, word), 2);
  CHECK_EQ(n, 42);
  CHECK_STR(word, "ok");
  CHECK_EQ(fileno(f), -1);
  CHECK_EQ(errno, EBADF);
  fclose(f);

  /* A null buffer is allocated (and zeroed) for the stream. */
  f = fmemopen(NULL, 8, "w+");
  CHECK(f != NULL);
  fputs("abc", f);
  rewind(f);
  CHECK(fgets(buf, sizeof(buf), f) != NULL);
  CHECK_STR(buf, "abc");
  fclose(f);
  CHECK(fmemopen(area, 4, "z") == NULL);
  CHECK_EQ(errno, EINVAL);

  /* open_memstream: the size is the smaller of length and position. */
  char *p = NULL;
  size_t len = 99;
  f = open_memstream(&p, &len);
  CHECK(f != NULL);
  CHECK_EQ(fprintf(f, "hello my world"), 14);
  CHECK_EQ(fflush(f), 0);
  CHECK_STR(p, "hello my world");
  CHECK_EQ(len, 14);
  fseeko(f, 0, SEEK_SET);
  fflush(f);
  CHECK_EQ(len, 0);
  CHECK_STR(p, "hello my world");
  fputs("good-bye", f);
  fseeko(f, 14, SEEK_SET);
  CHECK_EQ(fclose(f), 0);
  CHECK_STR(p, "good-bye world");
  CHECK_EQ(len, 14);
  free(p);

  /* Gaps fill with zeros; many writes grow the buffer. */
  f = open_memstream(&p, &len);
  putc('a', f);
  fseeko(f, 2, SEEK_CUR);
  putc('b', f);
  fclose(f);
  CHECK_EQ(len, 4);
  CHECK_EQ(memcmp(p, "a\0\0b", 5), 0);
  free(p);
  f = open_memstream(&p, &len);
  for (int i = 0; i < 100000; i++) fputc('0' + i % 10, f);
  fclose(f);
  CHECK_EQ(len, 100000);
  CHECK_EQ(p[99999], '9');
  CHECK_EQ(p[100000], '\0');
  free(p);
  CHECK(open_memstream(NULL, &len) == NULL);

  /* tmpfile: read-write, seekable, private. */
  f = tmpfile();
  CHECK(f != NULL);
  fputs("temporary", f);
  fseek(f, 4, SEEK_SET);
  CHECK_EQ(fgetc(f), 'o');
  fseek(f, 0, SEEK_END);
  CHECK_EQ(ftell(f), 9);
  rewind(f);
  CHECK(fgets(buf, sizeof(buf), f) != NULL);
  CHECK_STR(buf, "temporary");
  fclose(f);
  return test_summary();
}
