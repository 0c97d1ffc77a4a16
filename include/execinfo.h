/* <execinfo.h>: stack backtraces (cloudlibc). backtrace() walks the stack
 * with libgcc's unwinder when the program links it (link with
 * -Wl,--eh-frame-hdr -lgcc_eh) and otherwise finds no frames; frames are
 * named by address only. */
#ifndef _EXECINFO_H_
#define _EXECINFO_H_

#include <_/cdefs.h>
#include <_/types.h>

__BEGIN_DECLS
__sizet backtrace(void **, __sizet);
char **backtrace_symbols(void *const *, __sizet);
void backtrace_symbols_fd(void *const *, __sizet, int);
__END_DECLS

#endif
