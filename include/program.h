/* <program.h>: the program's entry, start-up data and identity (cloudlibc). */
#ifndef _PROGRAM_H_
#define _PROGRAM_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif

#ifndef argdata_t
typedef struct argdata_t argdata_t;
#define argdata_t argdata_t
#endif

__BEGIN_DECLS
/* Replaces the process with the executable `fd`, passing it the value and
 * exactly the descriptors it refers to; returns only on failure, with the
 * error number. */
int program_exec(int, const argdata_t *);
/* The process's identifier: a random UUID, as 36 characters. */
const char *program_getpid(void);
/* The serialised argdata the program was started with. */
void program_get_raw_argdata(const void **, size_t *);
/* The program's entry, with its start-up argdata; the library's default
 * runs main() with argv and environ taken from it. */
__noreturn void program_main(const argdata_t *);
__END_DECLS

#endif
