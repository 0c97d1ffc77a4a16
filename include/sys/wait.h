/* <sys/wait.h>: compat only (cloudlibc has no child processes). A CloudABI
 * process cannot create processes here, so there is never a child to
 * wait for: every wait function fails with ECHILD. */
#ifndef _SYS_WAIT_H_
#define _SYS_WAIT_H_

#include <_/cdefs.h>

#ifdef __CLOUDLIBC_COMPAT
#include <_/types.h>
#include <_/waitstatus.h>
#include <signal.h>
#include <sys/resource.h>

#define WNOHANG 0x1
#define WUNTRACED 0x2
#define WSTOPPED 0x2
#define WEXITED 0x4
#define WCONTINUED 0x8
#define WNOWAIT 0x10

typedef enum { P_ALL, P_PID, P_PGID } idtype_t;

#ifndef _PID_T_DECLARED
#define _PID_T_DECLARED
typedef __pid_t pid_t;
#endif
#ifndef _ID_T_DECLARED
#define _ID_T_DECLARED
typedef __uint32_t id_t;
#endif

__BEGIN_DECLS
pid_t wait(int *);
pid_t wait3(int *, int, struct rusage *);
pid_t wait4(pid_t, int *, int, struct rusage *);
int waitid(idtype_t, id_t, siginfo_t *, int);
pid_t waitpid(pid_t, int *, int);
__END_DECLS
#endif

#endif
