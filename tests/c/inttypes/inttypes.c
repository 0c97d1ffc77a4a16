/* <inttypes.h>: strtoimax, strtoumax, wcstoimax, wcstoumax, imaxabs,
 * imaxdiv, and the PRI/SCN macros. */
#include <inttypes.h>
#include <stdint.h>

#include "test.h"

int main(void) {
  char *end;
  errno = 0;
  CHECK(strtoimax("-9223372036854775808", &end, 10) == INTMAX_MIN);
  CHECK_EQ(*end, '\0');
  CHECK_EQ(errno, 0);
  CHECK(strtoimax("9223372036854775808", NULL, 10) == INTMAX_MAX);
  CHECK_EQ(errno, ERANGE);
  errno = 0;
  CHECK(strtoumax(" 0xFFFFFFFFFFFFFFFF", &end, 0) == UINTMAX_MAX);
  CHECK_EQ(errno, 0);
  CHECK_EQ(strtoumax("12", NULL, 99), 0);
  CHECK_EQ(errno, EINVAL);

  /* The wide forms parse wchar_t units the same way; a unit beyond ASCII
   * is no digit. */
  wchar_t w[] = {' ', '-', '0', 'x', '1', 'f', 0x661, 0};
  wchar_t *wend;
  errno = 0;
  CHECK_EQ(wcstoimax(w, &wend, 0), -31);
  CHECK_EQ(wend - w, 6);
  wchar_t big[] = {'1', '8', '4', '4', '6', '7', '4', '4', '0', '7', '3',
                   '7', '0', '9', '5', '5', '1', '6', '1', '6', 0};
  CHECK(wcstoumax(big, &wend, 10) == UINTMAX_MAX);
  CHECK_EQ(errno, ERANGE);
  CHECK_EQ(wend - big, 20);
  wchar_t none[] = {'z', 0};
  CHECK_EQ(wcstoimax(none, &wend, 10), 0);
  CHECK(wend == none);

  CHECK(imaxabs(-5) == 5);
  imaxdiv_t d = imaxdiv(-7, 2);
  CHECK_EQ(d.quot, -3);
  CHECK_EQ(d.rem, -1);

  CHECK_STR(PRId64, "ld");
  CHECK_STR(PRIx8, "x");
  CHECK_STR(PRIuMAX, "lu");
  CHECK_STR(SCNd16, "hd");
  CHECK_STR(SCNu8, "hhu");
  CHECK_STR(SCNxPTR, "lx");
  return test_summary();
}
