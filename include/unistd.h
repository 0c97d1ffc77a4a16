/* <unistd.h>: POSIX standard symbolic constants and types. */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _SSIZE_T_DECLARED
#define _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#endif
#ifndef _OFF_T_DECLARED
#define _OFF_T_DECLARED
typedef __off_t off_t;
#endif

#define SEEK_CUR 1
#define SEEK_END 2
/* cloudlibc's SEEK_SET is 3; POSIX code (and CPython's io module, which
 * compares a literal 0 with this macro) assumes 0. Both are accepted. */
#ifdef __CLOUDLIBC_COMPAT
#define SEEK_SET 0
#else
#define SEEK_SET 3
#endif

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

#define _POSIX_VERSION 200809L
#define _POSIX2_VERSION 200809L
#define _XOPEN_VERSION 700
#define _POSIX_THREADS 200809L
#define _POSIX_MONOTONIC_CLOCK 200809L
#define _POSIX_TIMEOUTS 200809L
#define _POSIX_SEMAPHORES 200809L

#define _SC_ARG_MAX 1
#define _SC_CHILD_MAX 2
#define _SC_CLK_TCK 3
#define _SC_NGROUPS_MAX 4
#define _SC_OPEN_MAX 5
#define _SC_PAGESIZE 6
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_NPROCESSORS_CONF 7
#define _SC_NPROCESSORS_ONLN 8
#define _SC_LINE_MAX 9
#define _SC_HOST_NAME_MAX 10
#define _SC_LOGIN_NAME_MAX 11
#define _SC_TTY_NAME_MAX 12
#define _SC_SYMLOOP_MAX 13
#define _SC_IOV_MAX 14
#define _SC_THREAD_KEYS_MAX 15
#define _SC_THREAD_STACK_MIN 16
#define _SC_THREAD_THREADS_MAX 17
#define _SC_SEM_VALUE_MAX 18
#define _SC_ATEXIT_MAX 19
#define _SC_GETPW_R_SIZE_MAX 20
#define _SC_GETGR_R_SIZE_MAX 21
#define _SC_TZNAME_MAX 22
#define _SC_RE_DUP_MAX 23
#define _SC_VERSION 24
#define _SC_PHYS_PAGES 25
#define _SC_MONOTONIC_CLOCK 26
#define _SC_THREADS 27
#define _SC_SEMAPHORES 28
#define _SC_TIMERS 29
#define _SC_XOPEN_VERSION 30

#define _PC_LINK_MAX 1
#define _PC_MAX_CANON 2
#define _PC_MAX_INPUT 3
#define _PC_NAME_MAX 4
#define _PC_PATH_MAX 5
#define _PC_PIPE_BUF 6
#define _PC_CHOWN_RESTRICTED 7
#define _PC_NO_TRUNC 8
#define _PC_VDISABLE 9
#define _PC_FILESIZEBITS 10
#define _PC_SYMLINK_MAX 11

struct crypt_data {
  int initialized;
  char __buf[256];
};

__BEGIN_DECLS
__noreturn void _exit(int);
int close(int);
char *crypt_r(const char *, const char *, struct crypt_data *);
int dup(int);
int dup2(int, int);
int faccessat(int, const char *, int, int);
int fdatasync(int);
long fpathconf(int, int);
int fsync(int);
int ftruncate(int, off_t);
int linkat(int, const char *, int, const char *, int);
off_t lseek(int, off_t, int);
int pipe(int *);
ssize_t pread(int, void *, size_t, off_t);
ssize_t pwrite(int, const void *, size_t, off_t);
ssize_t read(int, void *, size_t);
ssize_t readlinkat(int, const char *__restrict, char *__restrict, size_t);
unsigned int sleep(unsigned int);
void swab(const void *__restrict, void *__restrict, ssize_t);
int symlinkat(const char *, int, const char *);
long sysconf(int);
int unlinkat(int, const char *, int);
int usleep(__useconds_t);
ssize_t write(int, const void *, size_t);

#ifdef __CLOUDLIBC_COMPAT
#ifndef _PID_T_DECLARED
#define _PID_T_DECLARED
typedef __pid_t pid_t;
#endif
#ifndef _UID_T_DECLARED
#define _UID_T_DECLARED
typedef __uid_t uid_t;
typedef __gid_t gid_t;
#endif
int access(const char *, int);
int getentropy(void *, size_t);
gid_t getegid(void);
uid_t geteuid(void);
gid_t getgid(void);
int getgroups(int, gid_t[]);
int gethostname(char *, size_t);
pid_t getpgid(pid_t);
pid_t getpgrp(void);
pid_t getpid(void);
pid_t getppid(void);
pid_t getsid(pid_t);
uid_t getuid(void);
int isatty(int);
int setegid(gid_t);
int seteuid(uid_t);
int setgid(gid_t);
int setpgid(pid_t, pid_t);
int setregid(gid_t, gid_t);
int setreuid(uid_t, uid_t);
pid_t setsid(void);
int setuid(uid_t);
int chdir(const char *);
int dup3(int, int, int);
int fchdir(int);
char *getcwd(char *, size_t);
int getpagesize(void);
int link(const char *, const char *);
long pathconf(const char *, int);
int pipe2(int *, int);
ssize_t readlink(const char *__restrict, char *__restrict, size_t);
int rmdir(const char *);
int symlink(const char *, const char *);
int truncate(const char *, off_t);
int unlink(const char *);

unsigned alarm(unsigned);
int pause(void);
int chown(const char *, uid_t, gid_t);
int fchown(int, uid_t, gid_t);
int fchownat(int, const char *, uid_t, gid_t, int);
int lchown(const char *, uid_t, gid_t);
int chroot(const char *);
#define _CS_PATH 1
size_t confstr(int, char *, size_t);
long gethostid(void);
char *getlogin(void);
int getlogin_r(char *, size_t);
int nice(int);
void sync(void);
#define F_ULOCK 0
#define F_LOCK 1
#define F_TLOCK 2
#define F_TEST 3
int lockf(int, int, off_t);
pid_t fork(void);
pid_t vfork(void);
int execl(const char *, const char *, ...);
int execle(const char *, const char *, ...);
int execlp(const char *, const char *, ...);
int execv(const char *, char *const[]);
int execve(const char *, char *const[], char *const[]);
int execvp(const char *, char *const[]);
int fexecve(int, char *const[], char *const[]);
char *ttyname(int);
int ttyname_r(int, char *, size_t);
pid_t tcgetpgrp(int);
int tcsetpgrp(int, pid_t);
extern char *optarg;
extern int opterr, optind, optopt, optreset;
int getopt(int, char *const[], const char *);
char *crypt(const char *, const char *);
void encrypt(char[64], int);
int getresgid(gid_t *, gid_t *, gid_t *);
int getresuid(uid_t *, uid_t *, uid_t *);
int setresgid(gid_t, gid_t, gid_t);
int setresuid(uid_t, uid_t, uid_t);
pid_t setpgrp(void);
int sethostname(const char *, size_t);
long syscall(long, ...);
#endif
__END_DECLS

#endif
