/* <sys/ioctl.h>: the two requests cloudlibc offers, FIONREAD (bytes ready
 * to read, into an int) and FIONBIO (non-blocking mode from an int). Any
 * other request fails with ENOTTY. */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <_/cdefs.h>

#define FIONREAD 1
#define FIONBIO 2

#ifdef __CLOUDLIBC_COMPAT
/* No descriptor is a terminal whose size can be asked: ENOTTY. */
#define TIOCGWINSZ 3
struct winsize {
  unsigned short ws_row;
  unsigned short ws_col;
  unsigned short ws_xpixel;
  unsigned short ws_ypixel;
};
#endif

__BEGIN_DECLS
int ioctl(int, int, ...);
__END_DECLS

#endif
