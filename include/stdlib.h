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
typedef __sizet size_t;
#endif
#if !defined(__cplusplus) && !defined(_WCHAR_T_DECLARED)
#define _WCHAR_T_DECLARED
typedef __wchar_t wchar_t;
#endif

#define EXIT_FAILURE 1
#define EXIT_SUCCESS 0

#define RAND_MAX 2147483647

typedef struct {
  int quot;
  int rem;
} div_t;

typedef struct {
  long quot;
  long rem;
} ldiv_t;

typedef struct {
  long long quot;
  long long rem;
} lldiv_t;

#define alloca(size) __builtin_alloca(size)

/* The longest multibyte character: 1 in the C locale, 4 in UTF-8 ones. */
#define MB_CUR_MAX __mb_cur_max()

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

double atof(const char *);
int atoi(const char *);
long atol(const char *);
long long atoll(const char *);
double strtod(const char *__restrict, char **__restrict);
float strtof(const char *__restrict, char **__restrict);
long double strtold(const char *__restrict, char **__restrict);
long strtol(const char *__restrict, char **__restrict, int);
long long strtoll(const char *__restrict, char **__restrict, int);
unsigned long strtoul(const char *__restrict, char **__restrict, int);
unsigned long long strtoull(const char *__restrict, char **__restrict, int);

int abs(int) __pure2;
long labs(long) __pure2;
long long llabs(long long) __pure2;
div_t div(int, int) __pure2;
ldiv_t ldiv(long, long) __pure2;
lldiv_t lldiv(long long, long long) __pure2;

void *bsearch(const void *, const void *, size_t, size_t,
              int (*)(const void *, const void *));
void qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void qsort_r(void *, size_t, size_t,
             int (*)(const void *, const void *, void *), void *);

__uint32_t arc4random(void);
void arc4random_buf(void *, size_t);
__uint32_t arc4random_uniform(__uint32_t);
int rand(void);
long random(void);
double drand48(void);
double erand48(__uint16_t *);
long jrand48(__uint16_t *);
long lrand48(void);
long mrand48(void);
long nrand48(__uint16_t *);

size_t __mb_cur_max(void);
size_t MB_CUR_MAX_L(__locale_t);
int mblen(const char *, size_t);
int mblen_l(const char *, size_t, __locale_t);
double strtod_l(const char *__restrict, char **__restrict, __locale_t);
float strtof_l(const char *__restrict, char **__restrict, __locale_t);
long double strtold_l(const char *__restrict, char **__restrict, __locale_t);
long strtol_l(const char *__restrict, char **__restrict, int, __locale_t);
long long strtoll_l(const char *__restrict, char **__restrict, int, __locale_t);
unsigned long strtoul_l(const char *__restrict, char **__restrict, int, __locale_t);
unsigned long long strtoull_l(const char *__restrict, char **__restrict, int, __locale_t);
size_t mbstowcs(wchar_t *__restrict, const char *__restrict, size_t);
size_t mbstowcs_l(wchar_t *__restrict, const char *__restrict, size_t, __locale_t);
int mbtowc(wchar_t *__restrict, const char *__restrict, size_t);
int mbtowc_l(wchar_t *__restrict, const char *__restrict, size_t, __locale_t);
size_t wcstombs(char *__restrict, const wchar_t *__restrict, size_t);
size_t wcstombs_l(char *__restrict, const wchar_t *__restrict, size_t, __locale_t);
int wctomb(char *, wchar_t);
int wctomb_l(char *, wchar_t, __locale_t);

long a64l(const char *);
int l64a_r(long, char *, int);
int getsubopt(char **, char *const *, char **);

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

void srand(unsigned);
int rand_r(unsigned *);
void srandom(unsigned);
char *initstate(unsigned, char *, size_t);
char *setstate(char *);
void srand48(long);
__uint16_t *seed48(__uint16_t *);
void lcong48(__uint16_t *);
char *l64a(long);

#include <_/waitstatus.h>
int system(const char *);
int posix_openpt(int);
int grantpt(int);
int unlockpt(int);
char *ptsname(int);
void setkey(const char *);
#endif
__END_DECLS

#endif
