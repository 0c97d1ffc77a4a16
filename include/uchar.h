/* <uchar.h>: UTF-16 and UTF-32 code units. */
#ifndef _UCHAR_H_
#define _UCHAR_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _LOCALE_T_DECLARED
#define _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#endif
#ifndef _MBSTATE_T_DECLARED
#define _MBSTATE_T_DECLARED
typedef __mbstate_t mbstate_t;
#endif
#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#if !defined(__cplusplus) || __cplusplus < 201103L
#ifndef _CHAR16_T_DECLARED
#define _CHAR16_T_DECLARED
typedef __uint16_t char16_t;
#endif
#ifndef _CHAR32_T_DECLARED
#define _CHAR32_T_DECLARED
typedef __uint32_t char32_t;
#endif
#endif

__BEGIN_DECLS
size_t c16rtomb(char *__restrict, char16_t, mbstate_t *__restrict);
size_t c16rtomb_l(char *__restrict, char16_t, mbstate_t *__restrict, locale_t);
size_t c32rtomb(char *__restrict, char32_t, mbstate_t *__restrict);
size_t c32rtomb_l(char *__restrict, char32_t, mbstate_t *__restrict, locale_t);
size_t mbrtoc16(char16_t *__restrict, const char *__restrict, size_t, mbstate_t *__restrict);
size_t mbrtoc16_l(char16_t *__restrict, const char *__restrict, size_t, mbstate_t *__restrict,
                  locale_t);
size_t mbrtoc32(char32_t *__restrict, const char *__restrict, size_t, mbstate_t *__restrict);
size_t mbrtoc32_l(char32_t *__restrict, const char *__restrict, size_t, mbstate_t *__restrict,
                  locale_t);
__END_DECLS

#endif
