/* <fmtmsg.h>: formatted messages on stderr. As in cloudlibc the
 * classification values are all 0: messages always go to stderr. */
#ifndef _FMTMSG_H_
#define _FMTMSG_H_

#include <_/cdefs.h>

/* Major classifications. */
#define MM_HARD 0L
#define MM_SOFT 0L
#define MM_FIRM 0L

/* Source subclassifications. */
#define MM_APPL 0L
#define MM_UTIL 0L
#define MM_OPSYS 0L

/* Display subclassifications. */
#define MM_PRINT 0L
#define MM_CONSOLE 0L

/* Status subclassifications. */
#define MM_RECOVER 0L
#define MM_NRECOV 0L

/* Severities. */
#define MM_NOSEV 0
#define MM_HALT 1
#define MM_ERROR 2
#define MM_WARNING 3
#define MM_INFO 4

/* Null values. */
#define MM_NULLMC 0L
#define MM_NULLLBL ((char *)0)
#define MM_NULLSEV 0
#define MM_NULLTXT ((char *)0)
#define MM_NULLACT ((char *)0)
#define MM_NULLTAG ((char *)0)

/* Return values. */
#define MM_OK 1
#define MM_NOTOK 2
#define MM_NOMSG 3
#define MM_NOCON 4

__BEGIN_DECLS
int fmtmsg(long, const char *, int, const char *, const char *, const char *);
__END_DECLS

#endif
