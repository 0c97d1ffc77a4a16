/* strtok, strtok_r and strsep split strings in place: sequences of
 * tokens with runs of delimiters, empty strings, and delimiter changes. */
#include <string.h>

#include "test.h"

int main(void) {
  char a[] = "  one,two;; three  ";
  CHECK_STR(strtok(a, " ,;"), "one");
  CHECK_STR(strtok(NULL, " ,;"), "two");
  CHECK_STR(strtok(NULL, " ,;"), "three");
  CHECK(strtok(NULL, " ,;") == NULL);
  CHECK(strtok(NULL, " ,;") == NULL);

  char b[] = ";;;";
  CHECK(strtok(b, ";") == NULL);
  char c[] = "";
  CHECK(strtok(c, ";") == NULL);
  char d[] = "single";
  CHECK_STR(strtok(d, ""), "single");
  CHECK(strtok(NULL, "") == NULL);

  /* Changing delimiters between calls. */
  char e[] = "key=value;next";
  CHECK_STR(strtok(e, "="), "key");
  CHECK_STR(strtok(NULL, ";"), "value");
  CHECK_STR(strtok(NULL, ";"), "next");

  /* strtok_r keeps independent positions. */
  char f[] = "a b", g[] = "x,y";
  char *sf, *sg;
  CHECK_STR(strtok_r(f, " ", &sf), "a");
  CHECK_STR(strtok_r(g, ",", &sg), "x");
  CHECK_STR(strtok_r(NULL, " ", &sf), "b");
  CHECK_STR(strtok_r(NULL, ",", &sg), "y");
  CHECK(strtok_r(NULL, " ", &sf) == NULL);
  CHECK(strtok_r(NULL, ",", &sg) == NULL);

  /* strsep returns empty tokens and null at the end. */
  char h[] = "a,,b,";
  char *p = h;
  CHECK_STR(strsep(&p, ","), "a");
  CHECK_STR(strsep(&p, ","), "");
  CHECK_STR(strsep(&p, ","), "b");
  CHECK_STR(strsep(&p, ","), "");
  CHECK(p == NULL);
  CHECK(strsep(&p, ",") == NULL);
  char i[] = "whole";
  p = i;
  CHECK_STR(strsep(&p, ""), "whole");
  CHECK(p == NULL);
  char j[] = "";
  p = j;
  CHECK_STR(strsep(&p, ","), "");
  CHECK(p == NULL);
  return test_summary();
}
