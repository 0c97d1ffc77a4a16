/* <fnmatch.h>: shell pattern matching (always in the C locale; the
 * flags have the values of regex.h's REG_FNMATCH_* flags). */
#ifndef _FNMATCH_H_
#define _FNMATCH_H_

#include <_/cdefs.h>
#include <_/types.h>

#define FNM_NOMATCH 1

#define FNM_PATHNAME 0x20
#define FNM_PERIOD 0x40
#define FNM_NOESCAPE 0x80

__BEGIN_DECLS
int fnmatch(const char *, const char *, int);
int fnmatch_l(const char *, const char *, int, __locale_t);
__END_DECLS

#endif
