/* <malloc.h>: the allocator extras glibc declares here (compat): memalign,
 * valloc and pvalloc, beside <stdlib.h>'s allocator and its
 * malloc_usable_size. */
#ifndef _MALLOC_H_
#define _MALLOC_H_

#include <stdlib.h>

#ifdef __CLOUDLIBC_COMPAT
__BEGIN_DECLS
void *memalign(size_t, size_t);
void *pvalloc(size_t);
void *valloc(size_t);
__END_DECLS
#endif

#endif
