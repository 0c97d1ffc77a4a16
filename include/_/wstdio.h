/* Internal: the wide-character stream functions and the wide printf and
 * scanf families, which the stdio module implements. <wchar.h> includes
 * this after it declares FILE, wchar_t, wint_t, size_t, va_list and
 * locale_t. Streams hold UTF-8. */
#ifndef ___WSTDIO_H_
#define ___WSTDIO_H_

#include <_/cdefs.h>
#include <_/types.h>

__BEGIN_DECLS
int aswprintf(wchar_t **, const wchar_t *, ...);
int aswprintf_l(wchar_t **, locale_t, const wchar_t *, ...);
int dwprintf(int, const wchar_t *, ...);
int dwprintf_l(int, locale_t, const wchar_t *, ...);
wint_t fgetwc(FILE *);
wchar_t *fgetws(wchar_t *__restrict, int, FILE *__restrict);
wint_t fputwc(wchar_t, FILE *);
int fputws(const wchar_t *__restrict, FILE *__restrict);
int fwide(FILE *, int);
int fwprintf(FILE *__restrict, const wchar_t *__restrict, ...);
int fwprintf_l(FILE *__restrict, locale_t, const wchar_t *__restrict, ...);
int fwscanf(FILE *__restrict, const wchar_t *__restrict, ...);
int fwscanf_l(FILE *__restrict, locale_t, const wchar_t *__restrict, ...);
wint_t getwc(FILE *);
__ssize_t getwdelim(wchar_t **__restrict, size_t *__restrict, wint_t, FILE *__restrict);
__ssize_t getwline(wchar_t **__restrict, size_t *__restrict, FILE *__restrict);
wint_t putwc(wchar_t, FILE *);
int swprintf(wchar_t *__restrict, size_t, const wchar_t *__restrict, ...);
int swprintf_l(wchar_t *__restrict, size_t, locale_t, const wchar_t *__restrict, ...);
int swscanf(const wchar_t *__restrict, const wchar_t *__restrict, ...);
int swscanf_l(const wchar_t *__restrict, locale_t, const wchar_t *__restrict, ...);
wint_t ungetwc(wint_t, FILE *);
int vaswprintf(wchar_t **, const wchar_t *, va_list);
int vaswprintf_l(wchar_t **, locale_t, const wchar_t *, va_list);
int vdwprintf(int, const wchar_t *, va_list);
int vdwprintf_l(int, locale_t, const wchar_t *, va_list);
int vfwprintf(FILE *__restrict, const wchar_t *__restrict, va_list);
int vfwprintf_l(FILE *__restrict, locale_t, const wchar_t *__restrict, va_list);
int vfwscanf(FILE *__restrict, const wchar_t *__restrict, va_list);
int vfwscanf_l(FILE *__restrict, locale_t, const wchar_t *__restrict, va_list);
int vswprintf(wchar_t *__restrict, size_t, const wchar_t *__restrict, va_list);
int vswprintf_l(wchar_t *__restrict, size_t, locale_t, const wchar_t *__restrict, va_list);
int vswscanf(const wchar_t *__restrict, const wchar_t *__restrict, va_list);
int vswscanf_l(const wchar_t *__restrict, locale_t, const wchar_t *__restrict, va_list);

#ifdef __CLOUDLIBC_COMPAT
/* The standard streams' wide forms. */
wint_t getwchar(void);
wint_t putwchar(wchar_t);
int vwprintf(const wchar_t *__restrict, va_list);
int vwscanf(const wchar_t *__restrict, va_list);
int wprintf(const wchar_t *__restrict, ...);
int wscanf(const wchar_t *__restrict, ...);
#endif
__END_DECLS

#endif
