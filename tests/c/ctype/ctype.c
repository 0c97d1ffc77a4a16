/* Every ctype function for all 257 values EOF..255 against the C locale's
 * classes, written here as plain ASCII ranges: values 128-255 and EOF are
 * in no class, and case mapping leaves all but ASCII letters alone. */
#include <ctype.h>

#include "test.h"

static int in(int c, int lo, int hi) { return c >= lo && c <= hi; }

int main(void) {
  CHECK_EQ(EOF, -1);
  for (int c = -1; c <= 255; c++) {
    int upper = in(c, 'A', 'Z'), lower = in(c, 'a', 'z'), digit = in(c, '0', '9');
    int alpha = upper || lower, alnum = alpha || digit;
    int space = c == ' ' || in(c, '\t', '\r');
    int print = in(c, 0x20, 0x7e), graph = in(c, 0x21, 0x7e);
    int cntrl = in(c, 0, 0x1f) || c == 0x7f;
    int punct = graph && !alnum;
    int xdigit = digit || in(c, 'a', 'f') || in(c, 'A', 'F');
    int blank = c == ' ' || c == '\t';
    CHECK_EQ(!!isalnum(c), alnum);
    CHECK_EQ(!!isalpha(c), alpha);
    CHECK_EQ(!!isblank(c), blank);
    CHECK_EQ(!!iscntrl(c), cntrl);
    CHECK_EQ(!!isdigit(c), digit);
    CHECK_EQ(!!isgraph(c), graph);
    CHECK_EQ(!!islower(c), lower);
    CHECK_EQ(!!isprint(c), print);
    CHECK_EQ(!!ispunct(c), punct);
    CHECK_EQ(!!isspace(c), space);
    CHECK_EQ(!!isupper(c), upper);
    CHECK_EQ(!!isxdigit(c), xdigit);
    CHECK_EQ(!!isascii(c), in(c, 0, 127));
    CHECK_EQ(tolower(c), upper ? c + 32 : c);
    CHECK_EQ(toupper(c), lower ? c - 32 : c);
    /* The _l forms agree (every locale classifies as C). */
    CHECK_EQ(!!isalnum_l(c, NULL), alnum);
    CHECK_EQ(!!isalpha_l(c, NULL), alpha);
    CHECK_EQ(!!isblank_l(c, NULL), blank);
    CHECK_EQ(!!iscntrl_l(c, NULL), cntrl);
    CHECK_EQ(!!isdigit_l(c, NULL), digit);
    CHECK_EQ(!!isgraph_l(c, NULL), graph);
    CHECK_EQ(!!islower_l(c, NULL), lower);
    CHECK_EQ(!!isprint_l(c, NULL), print);
    CHECK_EQ(!!ispunct_l(c, NULL), punct);
    CHECK_EQ(!!isspace_l(c, NULL), space);
    CHECK_EQ(!!isupper_l(c, NULL), upper);
    CHECK_EQ(!!isxdigit_l(c, NULL), xdigit);
    CHECK_EQ(tolower_l(c, NULL), tolower(c));
    CHECK_EQ(toupper_l(c, NULL), toupper(c));
  }
  CHECK_EQ(toascii(0xe9), 0x69);
  CHECK_EQ(toascii('A'), 'A');
  CHECK_EQ(toascii(-1), 0x7f);
  CHECK_EQ(isascii(128), 0);
  CHECK_EQ(isascii(-129), 0);
  return test_summary();
}
