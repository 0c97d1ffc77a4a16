/* ungetc: pushed-back bytes are read again, in reverse order of pushing;
 * they move the position back, clear end-of-file, and a seek drops them. */
#include "test.h"
#include <stdio.h>

int main(void) {
  FILE *f = fopenat(TEST_DIR_FD, "u.txt", "w+");
  CHECK(f != NULL);
  fputs("hello", f);
  rewind(f);

  CHECK_EQ(fgetc(f), 'h');
  CHECK_EQ(ftell(f), 1);
  CHECK_EQ(ungetc('H', f), 'H');
  CHECK_EQ(ftell(f), 0);
  CHECK_EQ(fgetc(f), 'H');
  CHECK_EQ(fgetc(f), 'e');

  /* Several bytes at once, more than were read. */
  for (const char *p = "abcdefghij"; *p; p++) CHECK_EQ(ungetc(*p, f), *p);
  char buf[16] = {0};
  CHECK_EQ(fread(buf, 1, 13, f), 13);
  CHECK_STR(buf, "jihgfedcballo");

  /* At end of file: ungetc clears the indicator. */
  CHECK_EQ(fgetc(f), EOF);
  CHECK(feof(f));
  CHECK_EQ(ungetc('z', f), 'z');
  CHECK(!feof(f));
  CHECK_EQ(fgetc(f), 'z');
  CHECK_EQ(fgetc(f), EOF);

  /* EOF itself cannot be pushed. */
  CHECK_EQ(ungetc(EOF, f), EOF);

  /* A seek discards pushed-back bytes; SEEK_CUR counts from the position
   * ungetc moved back (as glibc does). */
  fseek(f, 1, SEEK_SET);
  ungetc('Q', f);
  fseek(f, 0, SEEK_CUR);
  CHECK_EQ(fgetc(f), 'h');
  ungetc('Q', f);
  fseek(f, 2, SEEK_SET);
  CHECK_EQ(fgetc(f), 'l');

  /* Right after opening, before any read. */
  fclose(f);
  f = fopenat(TEST_DIR_FD, "u.txt", "r");
  CHECK_EQ(ungetc('<', f), '<');
  CHECK_EQ(fgetc(f), '<');
  CHECK_EQ(fgetc(f), 'h');

  /* Unbuffered streams push back too. */
  setvbuf(f, NULL, _IONBF, 0);
  CHECK_EQ(fgetc(f), 'e');
  CHECK_EQ(ungetc('E', f), 'E');
  CHECK_EQ(fgetc(f), 'E');
  CHECK_EQ(fgetc(f), 'l');
  fclose(f);
  return test_summary();
}
