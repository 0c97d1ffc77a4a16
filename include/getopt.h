/* <getopt.h>: compat only (GNU): getopt_long and getopt_long_only, and
 * getopt itself as <unistd.h> declares it. */
#ifndef _GETOPT_H_
#define _GETOPT_H_

#include <_/cdefs.h>

#ifdef __CLOUDLIBC_COMPAT
#define no_argument 0
#define required_argument 1
#define optional_argument 2

struct option {
  const char *name;
  int has_arg;
  int *flag;
  int val;
};

__BEGIN_DECLS
extern char *optarg;
extern int opterr, optind, optopt, optreset;
int getopt(int, char *const[], const char *);
int getopt_long(int, char *const[], const char *, const struct option *, int *);
int getopt_long_only(int, char *const[], const char *, const struct option *, int *);
__END_DECLS
#endif

#endif
