/* <termios.h>: compat only. CloudABI has no terminal control: the speed
 * functions work on the structure, and every call on a descriptor fails,
 * with ENOTTY for non-terminals and ENOTSUP for terminals (character
 * devices). Values follow FreeBSD's (speeds are in bits per second). */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <_/cdefs.h>

#ifdef __CLOUDLIBC_COMPAT
#include <_/types.h>

#ifndef _PID_T_DECLARED
#define _PID_T_DECLARED
typedef __pid_t pid_t;
#endif

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS 20
#define VEOF 0
#define VEOL 1
#define VEOL2 2
#define VERASE 3
#define VWERASE 4
#define VKILL 5
#define VREPRINT 6
#define VINTR 8
#define VQUIT 9
#define VSUSP 10
#define VSTART 12
#define VSTOP 13
#define VLNEXT 14
#define VDISCARD 15
#define VMIN 16
#define VTIME 17
#define VSTATUS 18

struct termios {
  tcflag_t c_iflag;
  tcflag_t c_oflag;
  tcflag_t c_cflag;
  tcflag_t c_lflag;
  cc_t c_cc[NCCS];
  speed_t c_ispeed;
  speed_t c_ospeed;
};

#define IGNBRK 0x1
#define BRKINT 0x2
#define IGNPAR 0x4
#define PARMRK 0x8
#define INPCK 0x10
#define ISTRIP 0x20
#define INLCR 0x40
#define IGNCR 0x80
#define ICRNL 0x100
#define IXON 0x200
#define IXOFF 0x400
#define IXANY 0x800
#define IMAXBEL 0x2000

#define OPOST 0x1
#define ONLCR 0x2
#define OCRNL 0x10
#define ONOCR 0x20
#define ONLRET 0x40

#define CSIZE 0x300
#define CS5 0x0
#define CS6 0x100
#define CS7 0x200
#define CS8 0x300
#define CSTOPB 0x400
#define CREAD 0x800
#define PARENB 0x1000
#define PARODD 0x2000
#define HUPCL 0x4000
#define CLOCAL 0x8000

#define ECHOKE 0x1
#define ECHOE 0x2
#define ECHOK 0x4
#define ECHO 0x8
#define ECHONL 0x10
#define ECHOPRT 0x20
#define ECHOCTL 0x40
#define ISIG 0x80
#define ICANON 0x100
#define IEXTEN 0x400
#define TOSTOP 0x400000
#define NOFLSH 0x80000000

#define B0 0
#define B50 50
#define B75 75
#define B110 110
#define B134 134
#define B150 150
#define B200 200
#define B300 300
#define B600 600
#define B1200 1200
#define B1800 1800
#define B2400 2400
#define B4800 4800
#define B9600 9600
#define B19200 19200
#define B38400 38400
#define B57600 57600
#define B115200 115200
#define B230400 230400

#define TCSANOW 0
#define TCSADRAIN 1
#define TCSAFLUSH 2

#define TCIFLUSH 1
#define TCOFLUSH 2
#define TCIOFLUSH 3

#define TCOOFF 1
#define TCOON 2
#define TCIOFF 3
#define TCION 4

__BEGIN_DECLS
speed_t cfgetispeed(const struct termios *);
speed_t cfgetospeed(const struct termios *);
void cfmakeraw(struct termios *);
int cfsetispeed(struct termios *, speed_t);
int cfsetospeed(struct termios *, speed_t);
int cfsetspeed(struct termios *, speed_t);
int tcdrain(int);
int tcflow(int, int);
int tcflush(int, int);
int tcgetattr(int, struct termios *);
pid_t tcgetsid(int);
int tcsendbreak(int, int);
int tcsetattr(int, int, const struct termios *);
__END_DECLS
#endif

#endif
