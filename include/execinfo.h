/* <execinfo.h>: stack backtraces (cloudlibc). backtrace() walks the stack
 * with libgcc's unwinder when the program links it (link with
 * -Wl,--eh-frame-hdr -lgcc_eh) and otherwise finds no frames; frames are
 * named by address only. */
#ifndef _EXECINFO_H_
#define _EXECINFO_H_

#include <_/cdefs.h>
#include <_/types.h>

__BEGIN_DECLS
__size_t backtrace(void **, __size_t);
char **backtrace_symbols(void *const *, __size_t);
void backtrace_symbols_fd(void *const *, __size_t, int);
__END_DECLS

#endif
