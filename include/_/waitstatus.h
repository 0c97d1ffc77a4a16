/* Internal: the wait-status macros, shared by <sys/wait.h> and <stdlib.h>.
 * A status holds an exit code in bits 8-15 (low bits 0), or a terminating
 * signal in bits 0-6 (0x80: core dumped), or 0x7f with the stopping signal
 * in bits 8-15. Signal numbers are CloudABI's. No call here ever produces
 * one (there are no child processes), but programs decode them. */
#ifndef ___WAITSTATUS_H_
#define ___WAITSTATUS_H_

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s) ((s) & 0x80)

#endif
