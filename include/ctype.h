/* <ctype.h>: character classes of the C locale (ASCII). Every function
 * accepts EOF and the values of unsigned char; EOF and 128-255 belong to
 * no class, and tolower/toupper return them unchanged. */
#ifndef _CTYPE_H_
#define _CTYPE_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _LOCALE_T_DECLARED
#define _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#endif

/* Not required here, but programs that test for EOF after including only
 * <ctype.h> exist; <stdio.h> spells it the same way. */
#ifndef EOF
#define EOF (-1)
#endif

__BEGIN_DECLS
int isalnum(int);
int isalnum_l(int, locale_t);
int isalpha(int);
int isalpha_l(int, locale_t);
int isascii(int);
int isblank(int);
int isblank_l(int, locale_t);
int iscntrl(int);
int iscntrl_l(int, locale_t);
int isdigit(int);
int isdigit_l(int, locale_t);
int isgraph(int);
int isgraph_l(int, locale_t);
int islower(int);
int islower_l(int, locale_t);
int isprint(int);
int isprint_l(int, locale_t);
int ispunct(int);
int ispunct_l(int, locale_t);
int isspace(int);
int isspace_l(int, locale_t);
int isupper(int);
int isupper_l(int, locale_t);
int isxdigit(int);
int isxdigit_l(int, locale_t);
int tolower(int);
int tolower_l(int, locale_t);
int toupper(int);
int toupper_l(int, locale_t);

#ifdef __CLOUDLIBC_COMPAT
int toascii(int);
#endif
__END_DECLS

#endif
