/* <signal.h>: signal sets and raise (cloudlibc); compat handlers that run
 * synchronously when the process raises a signal on itself. Signal numbers
 * are CloudABI's. */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <_/cdefs.h>
#include <_/pthreadtypes.h>
#include <_/types.h>
#include <_/timespec.h>

typedef int sig_atomic_t;
typedef __uint64_t sigset_t;
#ifndef _PID_T_DECLARED
#define _PID_T_DECLARED
typedef __pid_t pid_t;
#endif
#ifndef _UID_T_DECLARED
#define _UID_T_DECLARED
typedef __uid_t uid_t;
typedef __gid_t gid_t;
#endif
#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif

#define SIGABRT 1
#define SIGALRM 2
#define SIGBUS 3
#define SIGCHLD 4
#define SIGCONT 5
#define SIGFPE 6
#define SIGHUP 7
#define SIGILL 8
#define SIGINT 9
#define SIGKILL 10
#define SIGPIPE 11
#define SIGQUIT 12
#define SIGSEGV 13
#define SIGSTOP 14
#define SIGSYS 15
#define SIGTERM 16
#define SIGTRAP 17
#define SIGTSTP 18
#define SIGTTIN 19
#define SIGTTOU 20
#define SIGURG 21
#define SIGUSR1 22
#define SIGUSR2 23
#define SIGVTALRM 24
#define SIGXCPU 25
#define SIGXFSZ 26
#define NSIG 27
#define _NSIG NSIG

__BEGIN_DECLS
void psignal(int, const char *);
void psignal_l(int, const char *, __locale_t);
int raise(int);
int sigaddset(sigset_t *, int);
int sigdelset(sigset_t *, int);
int sigemptyset(sigset_t *);
int sigfillset(sigset_t *);
int sigismember(const sigset_t *, int);
__END_DECLS

#ifdef __CLOUDLIBC_COMPAT
typedef void (*sighandler_t)(int);
#define SIG_DFL ((void (*)(int))0)
#define SIG_IGN ((void (*)(int))1)
#define SIG_ERR ((void (*)(int))-1)

union sigval {
  int sival_int;
  void *sival_ptr;
};

typedef struct {
  int si_signo;
  int si_code;
  int si_errno;
  pid_t si_pid;
  uid_t si_uid;
  void *si_addr;
  int si_status;
  union sigval si_value;
} siginfo_t;

#define SI_USER 0

#ifdef __CLOUDLIBC_COMPAT
/* si_code of SIGCHLD information (waitid): how a child ended. */
#define CLD_EXITED 1
#define CLD_KILLED 2
#endif

/* How a timer (timer_create) notifies. A signal is raised in the timer
 * thread, so its handler runs there. The attributes of SIGEV_THREAD are a
 * const pthread_attr_t * (void * here to spare <pthread.h>). */
#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD 2

struct sigevent {
  int sigev_notify;
  int sigev_signo;
  union sigval sigev_value;
  void (*sigev_notify_function)(union sigval);
  void *sigev_notify_attributes;
};

struct sigaction {
  union {
    void (*__sa_handler)(int);
    void (*__sa_sigaction)(int, siginfo_t *, void *);
  } __sa_u;
  sigset_t sa_mask;
  int sa_flags;
};
#define sa_handler __sa_u.__sa_handler
#define sa_sigaction __sa_u.__sa_sigaction

#define SA_NOCLDSTOP 0x1
#define SA_ONSTACK 0x2
#define SA_RESETHAND 0x4
#define SA_RESTART 0x8
#define SA_SIGINFO 0x10
#define SA_NOCLDWAIT 0x20
#define SA_NODEFER 0x40

#define SIG_BLOCK 1
#define SIG_UNBLOCK 2
#define SIG_SETMASK 3

typedef struct {
  void *ss_sp;
  int ss_flags;
  size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

__BEGIN_DECLS
int kill(pid_t, int);
int killpg(pid_t, int);
void (*signal(int, void (*)(int)))(int);
int sigaction(int, const struct sigaction *__restrict, struct sigaction *__restrict);
int sigaltstack(const stack_t *__restrict, stack_t *__restrict);
int sigpending(sigset_t *);
int sigprocmask(int, const sigset_t *__restrict, sigset_t *__restrict);
int sigsuspend(const sigset_t *);
__END_DECLS

/* The mask is the process's: signals only ever arrive synchronously, from
 * the process itself. pthread_kill() signals the calling thread only. */
#ifndef _PTHREAD_T_DECLARED
#define _PTHREAD_T_DECLARED
typedef __pthread_t pthread_t;
#endif
__BEGIN_DECLS
int pthread_kill(pthread_t, int);
int pthread_sigmask(int, const sigset_t *__restrict, sigset_t *__restrict);
__END_DECLS
#endif

#endif
