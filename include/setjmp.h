/* <setjmp.h>: C11 non-local jumps, and POSIX sigsetjmp/siglongjmp. */
#ifndef _SETJMP_H_
#define _SETJMP_H_

#include <_/cdefs.h>
#include <_/types.h>

/* What setjmp saves: the x86-64 registers a call must preserve, and
 * sigsetjmp's savemask argument and, when it is non-zero, the blocked
 * signal set, which a jump back restores. */
struct __jmp_buf {
  __uint64_t __rip; /* Where setjmp returns to. */
  __uint64_t __rsp; /* The stack pointer after that return. */
  __uint64_t __rbx;
  __uint64_t __rbp;
  __uint64_t __r12;
  __uint64_t __r13;
  __uint64_t __r14;
  __uint64_t __r15;
  __uint64_t __savemask;
  __uint64_t __sigmask[2];
};
typedef struct __jmp_buf jmp_buf[1];
typedef jmp_buf sigjmp_buf;

__BEGIN_DECLS
int setjmp(jmp_buf) __attribute__((__returns_twice__));
__noreturn void longjmp(jmp_buf, int);
int sigsetjmp(sigjmp_buf, int) __attribute__((__returns_twice__));
__noreturn void siglongjmp(sigjmp_buf, int);
#ifdef __CLOUDLIBC_COMPAT
int _setjmp(jmp_buf) __attribute__((__returns_twice__));
__noreturn void _longjmp(jmp_buf, int);
#endif
__END_DECLS

#endif
