/* iswalpha and friends, towupper/towlower, wctype/iswctype,
 * wctrans/towctrans, and the _l forms (Unicode 14.0.0). */
#include "test.h"
#include <locale.h>
#include <wctype.h>

int main(void) {
  CHECK(iswalpha(L'a') && iswalpha(0xe9) && iswalpha(0x4e00) && iswalpha(0x3b1) && !iswalpha(L'1'));
  CHECK(iswalnum(L'7') && iswalnum(0x660) && !iswalnum(L'_'));
  CHECK(iswdigit(L'9') && !iswdigit(0x660) && !iswdigit(L'a'));
  CHECK(iswxdigit(L'f') && iswxdigit(L'F') && !iswxdigit(L'g') && !iswxdigit(0xff26));
  CHECK(iswupper(L'A') && iswupper(0xc9) && iswupper(0x391) && !iswupper(L'a'));
  CHECK(iswlower(L'z') && iswlower(0xdf) && iswlower(0x3c9) && !iswlower(L'Z'));
  CHECK(iswspace(L' ') && iswspace(L'\n') && iswspace(0x3000) && iswspace(0x2028) && !iswspace(0xa0));
  CHECK(iswblank(L'\t') && iswblank(0x2003) && !iswblank(L'\n'));
  CHECK(iswcntrl(0) && iswcntrl(0x1f) && iswcntrl(0x85) && !iswcntrl(L'a'));
  CHECK(iswpunct(L'!') && iswpunct(0x2014) && iswpunct(0x1f600) && !iswpunct(L'a') && !iswpunct(L' '));
  CHECK(iswprint(L' ') && iswprint(0xe000) && !iswprint(0x378) && !iswprint(0xd800) && !iswprint(0x110000));
  CHECK(iswgraph(L'a') && !iswgraph(L' ') && !iswgraph(0x3000));
  CHECK(!iswalpha(WEOF) && !iswprint(WEOF));

  CHECK_EQ(towupper(L'a'), L'A');
  CHECK_EQ(towupper(0xe9), 0xc9);
  CHECK_EQ(towupper(0xff), 0x178);
  CHECK_EQ(towupper(0xdf), 0xdf);
  CHECK_EQ(towupper(0x1f80), 0x1f88);
  CHECK_EQ(towlower(0x130), L'i');
  CHECK_EQ(towlower(0x1e9e), 0xdf);
  CHECK_EQ(towlower(0x10400), 0x10428);
  CHECK_EQ(towlower(L'1'), L'1');
  CHECK_EQ(towlower(WEOF), WEOF);

  wctype_t t = wctype("alpha");
  CHECK(t != 0 && iswctype(0x4e00, t) && !iswctype(L'1', t));
  CHECK(wctype("nonsense") == 0);
  CHECK(!iswctype(L'a', wctype("nonsense")));
  CHECK(iswctype_l(L'A', wctype_l("upper", LC_C_LOCALE), LC_C_LOCALE));
  wctrans_t m = wctrans("toupper");
  CHECK_EQ(towctrans(0x3b1, m), 0x391);
  CHECK(wctrans("totitle") == 0);
  CHECK_EQ(towctrans_l(L'Q', wctrans_l("tolower", LC_C_LOCALE), LC_C_LOCALE), L'q');
  CHECK(iswalpha_l(0xe9, LC_C_LOCALE));
  CHECK_EQ(towupper_l(0xe9, LC_C_UNICODE_LOCALE), 0xc9);
  return test_summary();
}
