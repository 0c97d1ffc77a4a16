/* getline and getdelim: lines of any length, the last one without a
 * newline, bytes after NULs, end of file; fgets limits. */
#include "test.h"
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  FILE *f = tmpfile();
  /* A 100 000-byte line, a short one, an empty one, and a last one
   * without a newline. */
  for (int i = 0; i < 100000; i++) fputc('a' + i % 26, f);
  fputs("\nshort\n\nend", f);
  rewind(f);

  char *line = NULL;
  size_t cap = 0;
  CHECK_EQ(getline(&line, &cap, f), 100001);
  CHECK(cap > 100001);
  CHECK_EQ(line[99999], 'a' + 99999 % 26);
  CHECK_EQ(line[100000], '\n');
  CHECK_EQ(line[100001], '\0');
  CHECK_EQ(getline(&line, &cap, f), 6);
  CHECK_STR(line, "short\n");
  CHECK_EQ(getline(&line, &cap, f), 1);
  CHECK_STR(line, "\n");
  CHECK_EQ(getline(&line, &cap, f), 3);
  CHECK_STR(line, "end");
  CHECK_EQ(getline(&line, &cap, f), -1);
  CHECK(feof(f));
  free(line);

  /* Bytes after a NUL, and other delimiters. */
  fclose(f);
  f = tmpfile();
  fwrite("nul\0byte\nlast", 1, 13, f);
  rewind(f);
  line = NULL;
  CHECK_EQ(getline(&line, &cap, f), 9);
  CHECK_EQ(memcmp(line, "nul\0byte\n", 10), 0);
  CHECK_EQ(getline(&line, &cap, f), 4);
  CHECK_STR(line, "last");
  CHECK_EQ(getline(&line, &cap, f), -1);
  rewind(f);
  CHECK_EQ(getdelim(&line, &cap, 't', f), 7);
  CHECK_EQ(memcmp(line, "nul\0byt", 7), 0);
  CHECK_EQ(getdelim(&line, &cap, 0, f), 6);
  CHECK_STR(line, "e\nlast");
  free(line);
  CHECK_ERRNO(getline(NULL, &cap, f), EINVAL);

  /* fgets stops at the newline, at n - 1 bytes, or at end of file. */
  rewind(f);
  char buf[6];
  CHECK(fgets(buf, sizeof(buf), f) == buf);
  CHECK_EQ(memcmp(buf, "nul\0b\0", 6), 0);
  CHECK(fgets(buf, sizeof(buf), f) == buf);
  CHECK_STR(buf, "yte\n");
  CHECK(fgets(buf, 1, f) == buf);
  CHECK_STR(buf, "");
  CHECK(fgets(buf, sizeof(buf), f) == buf);
  CHECK_STR(buf, "last");
  CHECK(fgets(buf, sizeof(buf), f) == NULL);
  fclose(f);
  return test_summary();
}
