/* <string.h>: C11 string handling. */
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
typedef __size_t size_t;
#endif

__BEGIN_DECLS
int memcmp(const void *, const void *, size_t);
void *memcpy(void *__restrict, const void *__restrict, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);
size_t strlen(const char *);
__END_DECLS

#endif
