/* <string.h>: C11 and POSIX string handling, with cloudlibc's additions.
 *
 * strcpy, strcat, strncat and stpcpy are declared by cloudlibc only when
 * _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS is defined; here also whenever the
 * compatibility layer is on, because unmodified programs call them.
 * strerror_r is the POSIX (XSI) one, returning int, even with _GNU_SOURCE:
 * glibc's char *-returning variant is not offered. */
#ifndef _STRING_H_
#define _STRING_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _LOCALE_T_DECLARED
#define _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#endif

__BEGIN_DECLS
void *memccpy(void *__restrict, const void *__restrict, int, size_t);
void *memchr(const void *, int, size_t);
int memcmp(const void *, const void *, size_t);
void *memcpy(void *__restrict, const void *__restrict, size_t);
void *memmem(const void *, size_t, const void *, size_t);
void *memmove(void *, const void *, size_t);
void *memrchr(const void *, int, size_t);
void *memset(void *, int, size_t);
char *stpncpy(char *__restrict, const char *__restrict, size_t);
char *strchr(const char *, int);
int strcmp(const char *, const char *);
int strcoll(const char *, const char *);
int strcoll_l(const char *, const char *, locale_t);
size_t strcspn(const char *, const char *);
char *strdup(const char *);
char *strerror(int);
char *strerror_l(int, locale_t);
int strerror_r(int, char *, size_t);
size_t strlcat(char *__restrict, const char *__restrict, size_t);
size_t strlcpy(char *__restrict, const char *__restrict, size_t);
size_t strlen(const char *);
int strncmp(const char *, const char *, size_t);
char *strncpy(char *__restrict, const char *__restrict, size_t);
char *strndup(const char *, size_t);
size_t strnlen(const char *, size_t);
char *strpbrk(const char *, const char *);
char *strrchr(const char *, int);
char *strsep(char **, const char *);
char *strsignal(int);
char *strsignal_l(int, locale_t);
size_t strspn(const char *, const char *);
char *strstr(const char *, const char *);
char *strtok_r(char *__restrict, const char *__restrict, char **__restrict);
int strverscmp(const char *, const char *);
size_t strxfrm(char *__restrict, const char *__restrict, size_t);
size_t strxfrm_l(char *__restrict, const char *__restrict, size_t, locale_t);

#if defined(_CLOUDLIBC_UNSAFE_STRING_FUNCTIONS) || defined(__CLOUDLIBC_COMPAT)
char *stpcpy(char *__restrict, const char *__restrict);
char *strcat(char *__restrict, const char *__restrict);
char *strcpy(char *__restrict, const char *__restrict);
char *strncat(char *__restrict, const char *__restrict, size_t);
#endif

#ifdef __CLOUDLIBC_COMPAT
void explicit_bzero(void *, size_t);
void *mempcpy(void *__restrict, const void *__restrict, size_t);
char *strchrnul(const char *, int);
char *strtok(char *__restrict, const char *__restrict);
#endif
__END_DECLS

#ifdef __CLOUDLIBC_COMPAT
/* As in glibc and the BSDs: code calling bzero or strcasecmp often includes
 * only <string.h>. */
#include <strings.h>
#endif

#endif
