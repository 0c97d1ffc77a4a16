/* <iconv.h>: character set conversion (UTF-8, UTF-16, UTF-32, ASCII,
 * ISO-8859-1; see src/header/iconv/mod.rs). */
#ifndef _ICONV_H_
#define _ICONV_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif

typedef struct __iconv *iconv_t;

__BEGIN_DECLS
size_t iconv(iconv_t, char **__restrict, size_t *__restrict, char **__restrict, size_t *__restrict);
int iconv_close(iconv_t);
iconv_t iconv_open(const char *, const char *);
__END_DECLS

#endif
