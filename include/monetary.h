/* <monetary.h>: monetary formatting in the C locale. */
#ifndef _MONETARY_H_
#define _MONETARY_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _LOCALE_T_DECLARED
#define _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#endif
#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#endif
#ifndef _VA_LIST_DECLARED
#define _VA_LIST_DECLARED
typedef __va_list va_list;
#endif

__BEGIN_DECLS
ssize_t strfmon(char *__restrict, size_t, const char *__restrict, ...);
ssize_t strfmon_l(char *__restrict, size_t, locale_t, const char *__restrict, ...);
ssize_t vstrfmon(char *__restrict, size_t, const char *__restrict, va_list);
ssize_t vstrfmon_l(char *__restrict, size_t, locale_t, const char *__restrict, va_list);
__END_DECLS

#endif
