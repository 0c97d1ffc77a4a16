/* <regex.h>: POSIX regular expressions, with cloudlibc's extensions:
 * regn* take a length instead of a NUL terminator, regw* work on wide
 * characters, and the *_l forms take a locale (matching always uses the
 * C locale). */
#ifndef _REGEX_H_
#define _REGEX_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif

typedef __ssize_t regoff_t;

typedef struct {
  struct __regex *__regex;
  size_t re_nsub; /* Number of parenthesized subexpressions. */
} regex_t;

typedef struct {
  regoff_t rm_so; /* Offset of the start of the match, -1 if none. */
  regoff_t rm_eo; /* Offset just past its end. */
} regmatch_t;

/* regcomp() flags. */
#define REG_EXTENDED 0x1
#define REG_ICASE 0x2
#define REG_NOSUB 0x4
#define REG_NEWLINE 0x8
/* cloudlibc: compile a shell pattern, as fnmatch() reads it. */
#define REG_FNMATCH 0x10
#define REG_FNMATCH_PATHNAME 0x20
#define REG_FNMATCH_PERIOD 0x40
#define REG_FNMATCH_NOESCAPE 0x80

/* regexec() flags. */
#define REG_NOTBOL 0x1
#define REG_NOTEOL 0x2

/* Error codes. */
#define REG_BADBR 1
#define REG_BADPAT 2
#define REG_BADRPT 3
#define REG_EBRACE 4
#define REG_EBRACK 5
#define REG_ECOLLATE 6
#define REG_ECTYPE 7
#define REG_EESCAPE 8
#define REG_EPAREN 9
#define REG_ERANGE 10
#define REG_ESPACE 11
#define REG_ESUBREG 12
#define REG_NOMATCH 13

__BEGIN_DECLS
int regcomp(regex_t *__restrict, const char *__restrict, int);
int regcomp_l(regex_t *__restrict, const char *__restrict, int, __locale_t);
size_t regerror(int, const regex_t *__restrict, char *__restrict, size_t);
size_t regerror_l(int, const regex_t *__restrict, char *__restrict, size_t, __locale_t);
int regexec(const regex_t *__restrict, const char *__restrict, size_t, regmatch_t *__restrict, int);
int regexec_l(const regex_t *__restrict, const char *__restrict, size_t, regmatch_t *__restrict, int, __locale_t);
void regfree(regex_t *);
int regncomp(regex_t *__restrict, const char *__restrict, size_t, int);
int regncomp_l(regex_t *__restrict, const char *__restrict, size_t, int, __locale_t);
int regnexec(const regex_t *__restrict, const char *__restrict, size_t, size_t, regmatch_t *__restrict, int);
int regnexec_l(const regex_t *__restrict, const char *__restrict, size_t, size_t, regmatch_t *__restrict, int, __locale_t);
int regwcomp(regex_t *__restrict, const __wchar_t *__restrict, int);
int regwcomp_l(regex_t *__restrict, const __wchar_t *__restrict, int, __locale_t);
int regwexec(const regex_t *__restrict, const __wchar_t *__restrict, size_t, regmatch_t *__restrict, int);
int regwncomp(regex_t *__restrict, const __wchar_t *__restrict, size_t, int);
int regwncomp_l(regex_t *__restrict, const __wchar_t *__restrict, size_t, int, __locale_t);
int regwnexec(const regex_t *__restrict, const __wchar_t *__restrict, size_t, size_t, regmatch_t *__restrict, int);
__END_DECLS

#endif
