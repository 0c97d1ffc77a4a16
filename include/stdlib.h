/* <stdlib.h>: C11 general utilities. */
#ifndef _STDLIB_H_
#define _STDLIB_H_

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
typedef __size_t size_t;
#endif
#if !defined(__cplusplus) && !defined(_WCHAR_T_DECLARED)
#define _WCHAR_T_DECLARED
typedef __wchar_t wchar_t;
#endif

#define EXIT_FAILURE 1
#define EXIT_SUCCESS 0

__BEGIN_DECLS
__noreturn void _Exit(int);
__noreturn void abort(void);
int at_quick_exit(void (*)(void));
int atexit(void (*)(void));
__noreturn void exit(int);
__noreturn void quick_exit(int);
char *getenv(const char *);

void *aligned_alloc(size_t, size_t);
void *calloc(size_t, size_t);
void free(void *);
void *malloc(size_t);
int posix_memalign(void **, size_t, size_t);
void *realloc(void *, size_t);
void *reallocarray(void *, size_t, size_t);

#ifdef __CLOUDLIBC_COMPAT
extern char **environ;
int setenv(const char *, const char *, int);
int unsetenv(const char *);
int putenv(char *);
size_t malloc_usable_size(void *);
char *mkdtemp(char *);
int mkostemp(char *, int);
int mkostemps(char *, int, int);
int mkstemp(char *);
int mkstemps(char *, int);
char *realpath(const char *__restrict, char *__restrict);
#endif
__END_DECLS

#endif
