/* <stdio.h>: C11 standard buffered input/output. */
#ifndef _STDIO_H_
#define _STDIO_H_

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
#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#endif
#ifndef _OFF_T_DECLARED
#define _OFF_T_DECLARED
typedef __off_t off_t;
#endif
/* gcc's <stdarg.h> skips its own va_list when _VA_LIST_ is defined. */
#if !defined(_VA_LIST_DECLARED) && !defined(_VA_LIST_)
#define _VA_LIST_DECLARED
#define _VA_LIST_
typedef __va_list va_list;
#endif

typedef struct {
  __off_t __offset;
  __mbstate_t __mbstate;
} fpos_t;

#define BUFSIZ 4096

#define _IOFBF 1
#define _IOLBF 2
#define _IONBF 3

#define SEEK_CUR 1
#define SEEK_END 2
/* cloudlibc's SEEK_SET is 3; POSIX code (and CPython's io module, which
 * compares a literal 0 with this macro) assumes 0. Both are accepted. */
#ifdef __CLOUDLIBC_COMPAT
#define SEEK_SET 0
#else
#define SEEK_SET 3
#endif

#define FILENAME_MAX 4096
#define FOPEN_MAX 2147483647

#define EOF (-1)

__BEGIN_DECLS
extern FILE *stderr;
#define stderr stderr

int asprintf(char **, const char *, ...) __printflike(2, 3);
int asprintf_l(char **, __locale_t, const char *, ...) __printflike(3, 4);
void clearerr(FILE *);
int dprintf(int, const char *__restrict, ...) __printflike(2, 3);
int dprintf_l(int, __locale_t, const char *__restrict, ...) __printflike(3, 4);
int fclose(FILE *);
FILE *fdopen(int, const char *) __malloc_like;
FILE *fdopen_l(int, const char *, __locale_t) __malloc_like;
int feof(FILE *);
int ferror(FILE *);
int fflush(FILE *);
int fgetc(FILE *);
int fgetpos(FILE *__restrict, fpos_t *__restrict);
char *fgets(char *__restrict, int, FILE *__restrict);
int fileno(FILE *);
void flockfile(FILE *);
FILE *fmemopen(void *__restrict, size_t, const char *__restrict) __malloc_like;
FILE *fmemopen_l(void *__restrict, size_t, const char *__restrict, __locale_t) __malloc_like;
FILE *fopenat(int, const char *__restrict, const char *__restrict) __malloc_like;
FILE *fopenat_l(int, const char *__restrict, const char *__restrict, __locale_t) __malloc_like;
int fprintf(FILE *__restrict, const char *__restrict, ...) __printflike(2, 3);
int fprintf_l(FILE *__restrict, __locale_t, const char *__restrict, ...) __printflike(3, 4);
int fputc(int, FILE *);
int fputs(const char *__restrict, FILE *__restrict);
size_t fread(void *__restrict, size_t, size_t, FILE *__restrict);
int fscanf(FILE *__restrict, const char *__restrict, ...) __scanflike(2, 3);
int fscanf_l(FILE *__restrict, __locale_t, const char *__restrict, ...) __scanflike(3, 4);
int fseek(FILE *, long, int);
int fseeko(FILE *, off_t, int);
int fsetpos(FILE *, const fpos_t *);
void fswap(FILE *, FILE *);
long ftell(FILE *);
off_t ftello(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);
size_t fwrite(const void *__restrict, size_t, size_t, FILE *__restrict);
int getc(FILE *);
int getc_unlocked(FILE *);
ssize_t getdelim(char **__restrict, size_t *__restrict, int, FILE *__restrict);
ssize_t getline(char **__restrict, size_t *__restrict, FILE *__restrict);
FILE *open_memstream(char **, size_t *) __malloc_like;
FILE *open_memstream_l(char **, size_t *, __locale_t) __malloc_like;
void perror(const char *);
void perror_l(const char *, __locale_t);
int putc(int, FILE *);
int putc_unlocked(int, FILE *);
int renameat(int, const char *, int, const char *);
void rewind(FILE *);
void setbuf(FILE *__restrict, char *__restrict);
int setvbuf(FILE *__restrict, char *__restrict, int, size_t);
int snprintf(char *__restrict, size_t, const char *__restrict, ...) __printflike(3, 4);
int snprintf_l(char *__restrict, size_t, __locale_t, const char *__restrict, ...) __printflike(4, 5);
int sscanf(const char *__restrict, const char *__restrict, ...) __scanflike(2, 3);
int sscanf_l(const char *__restrict, __locale_t, const char *__restrict, ...) __scanflike(3, 4);
FILE *tmpfile(void);
FILE *tmpfile_l(__locale_t);
int ungetc(int, FILE *);
int vasprintf(char **, const char *, va_list) __printflike(2, 0);
int vasprintf_l(char **, __locale_t, const char *, va_list) __printflike(3, 0);
int vdprintf(int, const char *__restrict, va_list) __printflike(2, 0);
int vdprintf_l(int, __locale_t, const char *__restrict, va_list) __printflike(3, 0);
int vfprintf(FILE *__restrict, const char *__restrict, va_list) __printflike(2, 0);
int vfprintf_l(FILE *__restrict, __locale_t, const char *__restrict, va_list) __printflike(3, 0);
int vfscanf(FILE *__restrict, const char *__restrict, va_list) __scanflike(2, 0);
int vfscanf_l(FILE *__restrict, __locale_t, const char *__restrict, va_list) __scanflike(3, 0);
int vsnprintf(char *__restrict, size_t, const char *__restrict, va_list) __printflike(3, 0);
int vsnprintf_l(char *__restrict, size_t, __locale_t, const char *__restrict, va_list) __printflike(4, 0);
int vsscanf(const char *__restrict, const char *__restrict, va_list) __scanflike(2, 0);
int vsscanf_l(const char *__restrict, __locale_t, const char *__restrict, va_list) __scanflike(3, 0);

#if defined(__CLOUDLIBC_COMPAT) || defined(_CLOUDLIBC_UNSAFE_STRING_FUNCTIONS)
int sprintf(char *__restrict, const char *__restrict, ...) __printflike(2, 3);
int vsprintf(char *__restrict, const char *__restrict, va_list) __printflike(2, 0);
#endif

#ifdef __CLOUDLIBC_COMPAT
/* The standard streams, bound to descriptors 0, 1 and 2. */
extern FILE *stdin;
extern FILE *stdout;
#define stdin stdin
#define stdout stdout

#define L_ctermid 9
#define L_tmpnam 20
#define P_tmpdir "/tmp"
char *ctermid(char *);
FILE *fopen(const char *__restrict, const char *__restrict);
FILE *freopen(const char *__restrict, const char *__restrict, FILE *__restrict);
int getchar(void);
int getchar_unlocked(void);
/* Removed from C11: cannot be used safely, so it reads nothing and fails
 * with ENOSYS. Use fgets. */
char *gets(char *);
int pclose(FILE *);
FILE *popen(const char *, const char *);
int printf(const char *__restrict, ...) __printflike(1, 2);
int putchar(int);
int putchar_unlocked(int);
int puts(const char *);
int remove(const char *);
int rename(const char *, const char *);
int scanf(const char *__restrict, ...) __scanflike(1, 2);
char *tempnam(const char *, const char *);
char *tmpnam(char *);
int vprintf(const char *__restrict, va_list) __printflike(1, 0);
int vscanf(const char *__restrict, va_list) __scanflike(1, 0);

void setbuffer(FILE *__restrict, char *__restrict, size_t);
void setlinebuf(FILE *);

/* glibc's lock-free variants, for a stream the caller has locked. */
void clearerr_unlocked(FILE *);
int feof_unlocked(FILE *);
int ferror_unlocked(FILE *);
int fflush_unlocked(FILE *);
int fgetc_unlocked(FILE *);
char *fgets_unlocked(char *__restrict, int, FILE *__restrict);
int fileno_unlocked(FILE *);
int fputc_unlocked(int, FILE *);
int fputs_unlocked(const char *__restrict, FILE *__restrict);
size_t fread_unlocked(void *__restrict, size_t, size_t, FILE *__restrict);
size_t fwrite_unlocked(const void *__restrict, size_t, size_t, FILE *__restrict);
#endif
__END_DECLS

#endif
