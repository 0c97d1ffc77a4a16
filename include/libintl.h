/* <libintl.h>: message catalogs. There are none: lookups return the
 * message id. */
#ifndef _LIBINTL_H_
#define _LIBINTL_H_

#include <_/cdefs.h>

__BEGIN_DECLS
char *dcgettext(const char *, const char *, int);
char *dcngettext(const char *, const char *, const char *, unsigned long, int);
char *dgettext(const char *, const char *);
char *dngettext(const char *, const char *, const char *, unsigned long);
char *gettext(const char *);
char *ngettext(const char *, const char *, unsigned long);
#ifdef __CLOUDLIBC_COMPAT
char *bind_textdomain_codeset(const char *, const char *);
char *bindtextdomain(const char *, const char *);
char *textdomain(const char *);
#endif
__END_DECLS

#endif
