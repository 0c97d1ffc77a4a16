/* <libgen.h>: path name parts. Both functions may modify their
 * argument. */
#ifndef _LIBGEN_H_
#define _LIBGEN_H_

#include <_/cdefs.h>

__BEGIN_DECLS
char *basename(char *);
char *dirname(char *);
__END_DECLS

#endif
