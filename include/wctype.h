/* <wctype.h>: Unicode 14.0.0 classification and simple case mapping, the
 * same in every locale. wctype_t and wctrans_t are function pointers, as in
 * cloudlibc. */
#ifndef _WCTYPE_H_
#define _WCTYPE_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _LOCALE_T_DECLARED
#define _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#endif
#ifndef _WINT_T_DECLARED
#define _WINT_T_DECLARED
typedef __wint_t wint_t;
#endif
typedef wint_t (*wctrans_t)(wint_t);
typedef int (*wctype_t)(wint_t);

#ifndef WEOF
#define WEOF ((wint_t)-1)
#endif

__BEGIN_DECLS
int iswalnum(wint_t);
int iswalnum_l(wint_t, locale_t);
int iswalpha(wint_t);
int iswalpha_l(wint_t, locale_t);
int iswblank(wint_t);
int iswblank_l(wint_t, locale_t);
int iswcntrl(wint_t);
int iswcntrl_l(wint_t, locale_t);
int iswctype(wint_t, wctype_t);
int iswctype_l(wint_t, wctype_t, locale_t);
int iswdigit(wint_t);
int iswdigit_l(wint_t, locale_t);
int iswgraph(wint_t);
int iswgraph_l(wint_t, locale_t);
int iswlower(wint_t);
int iswlower_l(wint_t, locale_t);
int iswprint(wint_t);
int iswprint_l(wint_t, locale_t);
int iswpunct(wint_t);
int iswpunct_l(wint_t, locale_t);
int iswspace(wint_t);
int iswspace_l(wint_t, locale_t);
int iswupper(wint_t);
int iswupper_l(wint_t, locale_t);
int iswxdigit(wint_t);
int iswxdigit_l(wint_t, locale_t);
wint_t towctrans(wint_t, wctrans_t);
wint_t towctrans_l(wint_t, wctrans_t, locale_t);
wint_t towlower(wint_t);
wint_t towlower_l(wint_t, locale_t);
wint_t towupper(wint_t);
wint_t towupper_l(wint_t, locale_t);
wctrans_t wctrans(const char *);
wctrans_t wctrans_l(const char *, locale_t);
wctype_t wctype(const char *);
wctype_t wctype_l(const char *, locale_t);
__END_DECLS

#endif
