/* <wchar.h>: wide characters. wchar_t holds Unicode code points; the
 * multibyte character set is ASCII in the C locale and UTF-8 in C.UTF-8.
 * The wide stream and wide printf/scanf functions are declared with the
 * stdio functions they build on. */
#ifndef _WCHAR_H_
#define _WCHAR_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#ifndef _FILE_DECLARED
#define _FILE_DECLARED
typedef struct _FILE FILE;
#endif
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
#ifndef _VA_LIST_DECLARED
#define _VA_LIST_DECLARED
typedef __va_list va_list;
#endif
#if !defined(__cplusplus) && !defined(_WCHAR_T_DECLARED)
#define _WCHAR_T_DECLARED
typedef __wchar_t wchar_t;
#endif
#ifndef _WINT_T_DECLARED
#define _WINT_T_DECLARED
typedef __wint_t wint_t;
#endif

struct tm;

#define WCHAR_MIN (-0x7fffffff - 1)
#define WCHAR_MAX 0x7fffffff
#define WEOF ((wint_t)-1)

__BEGIN_DECLS
wint_t btowc(int);
wint_t btowc_l(int, locale_t);
size_t mbrlen(const char *__restrict, size_t, mbstate_t *__restrict);
size_t mbrlen_l(const char *__restrict, size_t, mbstate_t *__restrict, locale_t);
size_t mbrtowc(wchar_t *__restrict, const char *__restrict, size_t, mbstate_t *__restrict);
size_t mbrtowc_l(wchar_t *__restrict, const char *__restrict, size_t, mbstate_t *__restrict,
                 locale_t);
int mbsinit(const mbstate_t *);
size_t mbsnrtowcs(wchar_t *__restrict, const char **__restrict, size_t, size_t,
                  mbstate_t *__restrict);
size_t mbsnrtowcs_l(wchar_t *__restrict, const char **__restrict, size_t, size_t,
                    mbstate_t *__restrict, locale_t);
size_t mbsrtowcs(wchar_t *__restrict, const char **__restrict, size_t, mbstate_t *__restrict);
size_t mbsrtowcs_l(wchar_t *__restrict, const char **__restrict, size_t, mbstate_t *__restrict,
                   locale_t);
__ssize_t vwcsfmon(wchar_t *__restrict, size_t, const wchar_t *__restrict, va_list);
__ssize_t vwcsfmon_l(wchar_t *__restrict, size_t, locale_t, const wchar_t *__restrict, va_list);
wchar_t *wcpncpy(wchar_t *__restrict, const wchar_t *__restrict, size_t);
size_t wcrtomb(char *__restrict, wchar_t, mbstate_t *__restrict);
size_t wcrtomb_l(char *__restrict, wchar_t, mbstate_t *__restrict, locale_t);
int wcscasecmp(const wchar_t *, const wchar_t *);
int wcscasecmp_l(const wchar_t *, const wchar_t *, locale_t);
wchar_t *wcschr(const wchar_t *, wchar_t);
int wcscmp(const wchar_t *, const wchar_t *);
int wcscoll(const wchar_t *, const wchar_t *);
int wcscoll_l(const wchar_t *, const wchar_t *, locale_t);
size_t wcscspn(const wchar_t *, const wchar_t *);
wchar_t *wcsdup(const wchar_t *) __malloc_like;
__ssize_t wcsfmon(wchar_t *__restrict, size_t, const wchar_t *__restrict, ...);
__ssize_t wcsfmon_l(wchar_t *__restrict, size_t, locale_t, const wchar_t *__restrict, ...);
size_t wcsftime(wchar_t *__restrict, size_t, const wchar_t *__restrict,
                const struct tm *__restrict);
size_t wcsftime_l(wchar_t *__restrict, size_t, const wchar_t *__restrict,
                  const struct tm *__restrict, locale_t);
size_t wcslcat(wchar_t *, const wchar_t *, size_t);
size_t wcslcpy(wchar_t *, const wchar_t *, size_t);
size_t wcslen(const wchar_t *);
int wcsncasecmp(const wchar_t *, const wchar_t *, size_t);
int wcsncasecmp_l(const wchar_t *, const wchar_t *, size_t, locale_t);
int wcsncmp(const wchar_t *, const wchar_t *, size_t);
wchar_t *wcsncpy(wchar_t *__restrict, const wchar_t *__restrict, size_t);
wchar_t *wcsndup(const wchar_t *, size_t) __malloc_like;
size_t wcsnlen(const wchar_t *, size_t);
size_t wcsnrtombs(char *__restrict, const wchar_t **__restrict, size_t, size_t,
                  mbstate_t *__restrict);
size_t wcsnrtombs_l(char *__restrict, const wchar_t **__restrict, size_t, size_t,
                    mbstate_t *__restrict, locale_t);
wchar_t *wcspbrk(const wchar_t *, const wchar_t *);
wchar_t *wcsptime(const wchar_t *__restrict, const wchar_t *__restrict, struct tm *__restrict);
wchar_t *wcsptime_l(const wchar_t *__restrict, const wchar_t *__restrict, struct tm *__restrict,
                    locale_t);
wchar_t *wcsrchr(const wchar_t *, wchar_t);
size_t wcsrtombs(char *__restrict, const wchar_t **__restrict, size_t, mbstate_t *__restrict);
size_t wcsrtombs_l(char *__restrict, const wchar_t **__restrict, size_t, mbstate_t *__restrict,
                   locale_t);
size_t wcsspn(const wchar_t *, const wchar_t *);
wchar_t *wcsstr(const wchar_t *__restrict, const wchar_t *__restrict);
double wcstod(const wchar_t *__restrict, wchar_t **__restrict);
double wcstod_l(const wchar_t *__restrict, wchar_t **__restrict, locale_t);
float wcstof(const wchar_t *__restrict, wchar_t **__restrict);
float wcstof_l(const wchar_t *__restrict, wchar_t **__restrict, locale_t);
wchar_t *wcstok(wchar_t *__restrict, const wchar_t *__restrict, wchar_t **__restrict);
long wcstol(const wchar_t *__restrict, wchar_t **__restrict, int);
long double wcstold(const wchar_t *__restrict, wchar_t **__restrict);
long double wcstold_l(const wchar_t *__restrict, wchar_t **__restrict, locale_t);
long long wcstoll(const wchar_t *__restrict, wchar_t **__restrict, int);
unsigned long wcstoul(const wchar_t *__restrict, wchar_t **__restrict, int);
unsigned long long wcstoull(const wchar_t *__restrict, wchar_t **__restrict, int);
int wcsverscmp(const wchar_t *, const wchar_t *);
int wcswidth(const wchar_t *, size_t);
size_t wcsxfrm(wchar_t *__restrict, const wchar_t *__restrict, size_t);
size_t wcsxfrm_l(wchar_t *__restrict, const wchar_t *__restrict, size_t, locale_t);
int wctob(wint_t);
int wctob_l(wint_t, locale_t);
int wcwidth(wchar_t);
wchar_t *wmemchr(const wchar_t *, wchar_t, size_t);
int wmemcmp(const wchar_t *, const wchar_t *, size_t);
wchar_t *wmemcpy(wchar_t *__restrict, const wchar_t *__restrict, size_t);
wchar_t *wmemmem(const wchar_t *, size_t, const wchar_t *, size_t);
wchar_t *wmemmove(wchar_t *, const wchar_t *, size_t);
wchar_t *wmemset(wchar_t *, wchar_t, size_t);

/* cloudlibc declares these only with _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS. */
#if defined(__CLOUDLIBC_COMPAT) || defined(_CLOUDLIBC_UNSAFE_STRING_FUNCTIONS)
wchar_t *wcpcpy(wchar_t *__restrict, const wchar_t *__restrict);
wchar_t *wcscat(wchar_t *__restrict, const wchar_t *__restrict);
wchar_t *wcscpy(wchar_t *__restrict, const wchar_t *__restrict);
wchar_t *wcsncat(wchar_t *__restrict, const wchar_t *__restrict, size_t);
#endif

#ifdef __CLOUDLIBC_COMPAT
/* A write stream into a growing wchar_t buffer (see open_memstream). */
FILE *open_wmemstream(wchar_t **, size_t *);
#endif
__END_DECLS

#endif
