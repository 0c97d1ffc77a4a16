/* <uv.h>: cloudlibc's event loop, compatible with the libuv 1.18 API.
 *
 * Handles, requests, the loop and the helper functions keep libuv's names,
 * public fields and semantics; each struct's private state follows its
 * public fields as an array of pointers (its size is what uv_handle_size()
 * and uv_req_size() report). Enumerations use libuv's numbering. Error
 * codes are negated CloudABI errnos (see <uv/errno.h>).
 *
 * The loop waits with CloudABI's poll() on the descriptors its handles
 * watch. Only descriptors the program was given (or made: pipe(),
 * socketpair()) exist, so streams, TCP and UDP handles are opened on
 * existing descriptors (uv_pipe_open(), uv_tcp_open(), uv_udp_open()).
 * Work (uv_queue_work() and file system requests with a callback) runs
 * on a pool of threads; its callback runs on the loop's thread.
 *
 * As libuv's header does, this one makes the system headers it builds
 * on visible (<fcntl.h>, <netinet/in.h>, <pthread.h>, <signal.h>, ...).
 *
 * Outside _CLOUDLIBC_STRICT, the functions cloudlibc removed exist too,
 * with a capability-safe meaning: path-taking uv_fs_* requests resolve
 * paths through the program's directory grants (UV_ENOTCAPABLE outside
 * them); binding and connecting sockets fail with UV_ENOTCAPABLE;
 * uv_spawn() fails with UV_ENOSYS; signal handles see the signals the
 * program raises itself; system information is what the sandbox can see
 * (see the README for every function). */
#ifndef _UV_H_
#define _UV_H_

#include <_/cdefs.h>
#include <_/pthreadtypes.h>
#include <_/types.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <uv/errno.h>

__BEGIN_DECLS

/* Error codes. */

#ifdef __CLOUDLIBC_COMPAT
#define UV__ERRNO_MAP_COMPAT(XX) XX(ENOTCAPABLE, "capabilities insufficient")
#else
#define UV__ERRNO_MAP_COMPAT(XX)
#endif

#define UV_ERRNO_MAP(XX)                                                      \
  XX(E2BIG, "argument list too long")                                         \
  XX(EACCES, "permission denied")                                             \
  XX(EADDRINUSE, "address already in use")                                    \
  XX(EADDRNOTAVAIL, "address not available")                                  \
  XX(EAFNOSUPPORT, "address family not supported")                            \
  XX(EAGAIN, "resource temporarily unavailable")                              \
  XX(EAI_ADDRFAMILY, "address family not supported")                          \
  XX(EAI_AGAIN, "temporary failure")                                          \
  XX(EAI_BADFLAGS, "bad ai_flags value")                                      \
  XX(EAI_BADHINTS, "invalid value for hints")                                 \
  XX(EAI_CANCELED, "request canceled")                                        \
  XX(EAI_FAIL, "permanent failure")                                           \
  XX(EAI_FAMILY, "ai_family not supported")                                   \
  XX(EAI_MEMORY, "out of memory")                                             \
  XX(EAI_NODATA, "no address")                                                \
  XX(EAI_NONAME, "unknown node or service")                                   \
  XX(EAI_OVERFLOW, "argument buffer overflow")                                \
  XX(EAI_PROTOCOL, "resolved protocol is unknown")                            \
  XX(EAI_SERVICE, "service not available for socket type")                    \
  XX(EAI_SOCKTYPE, "socket type not supported")                               \
  XX(EALREADY, "connection already in progress")                              \
  XX(EBADF, "bad file descriptor")                                            \
  XX(EBUSY, "resource busy or locked")                                        \
  XX(ECANCELED, "operation canceled")                                         \
  XX(ECHARSET, "invalid Unicode character")                                   \
  XX(ECONNABORTED, "software caused connection abort")                        \
  XX(ECONNREFUSED, "connection refused")                                      \
  XX(ECONNRESET, "connection reset by peer")                                  \
  XX(EDESTADDRREQ, "destination address required")                            \
  XX(EEXIST, "file already exists")                                           \
  XX(EFAULT, "bad address in system call argument")                           \
  XX(EFBIG, "file too large")                                                 \
  XX(EHOSTUNREACH, "host is unreachable")                                     \
  XX(EINTR, "interrupted system call")                                        \
  XX(EINVAL, "invalid argument")                                              \
  XX(EIO, "i/o error")                                                        \
  XX(EISCONN, "socket is already connected")                                  \
  XX(EISDIR, "illegal operation on a directory")                              \
  XX(ELOOP, "too many symbolic links encountered")                            \
  XX(EMFILE, "too many open files")                                           \
  XX(EMSGSIZE, "message too long")                                            \
  XX(ENAMETOOLONG, "name too long")                                           \
  XX(ENETDOWN, "network is down")                                             \
  XX(ENETUNREACH, "network is unreachable")                                   \
  XX(ENFILE, "file table overflow")                                           \
  XX(ENOBUFS, "no buffer space available")                                    \
  XX(ENODEV, "no such device")                                                \
  XX(ENOENT, "no such file or directory")                                     \
  XX(ENOMEM, "not enough memory")                                             \
  XX(ENONET, "machine is not on the network")                                 \
  XX(ENOPROTOOPT, "protocol not available")                                   \
  XX(ENOSPC, "no space left on device")                                       \
  XX(ENOSYS, "function not implemented")                                      \
  XX(ENOTCONN, "socket is not connected")                                     \
  XX(ENOTDIR, "not a directory")                                              \
  XX(ENOTEMPTY, "directory not empty")                                        \
  XX(ENOTSOCK, "socket operation on non-socket")                              \
  XX(ENOTSUP, "operation not supported on socket")                            \
  XX(EPERM, "operation not permitted")                                        \
  XX(EPIPE, "broken pipe")                                                    \
  XX(EPROTO, "protocol error")                                                \
  XX(EPROTONOSUPPORT, "protocol not supported")                               \
  XX(EPROTOTYPE, "protocol wrong type for socket")                            \
  XX(ERANGE, "result too large")                                              \
  XX(EROFS, "read-only file system")                                          \
  XX(ESHUTDOWN, "cannot send after transport endpoint shutdown")              \
  XX(ESPIPE, "invalid seek")                                                  \
  XX(ESRCH, "no such process")                                                \
  XX(ETIMEDOUT, "connection timed out")                                       \
  XX(ETXTBSY, "text file is busy")                                            \
  XX(EXDEV, "cross-device link not permitted")                                \
  XX(UNKNOWN, "unknown error")                                                \
  XX(EOF, "end of file")                                                      \
  XX(ENXIO, "no such device or address")                                      \
  XX(EMLINK, "too many links")                                                \
  XX(ENOTTY, "inappropriate ioctl for device")                                \
  UV__ERRNO_MAP_COMPAT(XX)

typedef enum {
#define UV__ERRNO_ENTRY(name, _) UV_##name = UV__##name,
  UV_ERRNO_MAP(UV__ERRNO_ENTRY)
#undef UV__ERRNO_ENTRY
  UV_ERRNO_MAX = UV__EOF - 1
} uv_errno_t;

const char *uv_err_name(int);
const char *uv_strerror(int);
int uv_translate_sys_error(int);

/* Versions: the libuv API followed. */

#define UV_VERSION_MAJOR 1
#define UV_VERSION_MINOR 18
#define UV_VERSION_PATCH 0
#define UV_VERSION_IS_RELEASE 1
#define UV_VERSION_SUFFIX ""
#define UV_VERSION_HEX ((UV_VERSION_MAJOR << 16) | (UV_VERSION_MINOR << 8) | UV_VERSION_PATCH)

unsigned int uv_version(void);
const char *uv_version_string(void);

/* Types. */

typedef int uv_file;
typedef int uv_os_fd_t;
typedef int uv_os_sock_t;
typedef __uid_t uv_uid_t;
typedef __gid_t uv_gid_t;
typedef __pid_t uv_pid_t;

typedef struct uv_loop_s uv_loop_t;
typedef struct uv_handle_s uv_handle_t;
typedef struct uv_stream_s uv_stream_t;
typedef struct uv_tcp_s uv_tcp_t;
typedef struct uv_udp_s uv_udp_t;
typedef struct uv_pipe_s uv_pipe_t;
typedef struct uv_tty_s uv_tty_t;
typedef struct uv_poll_s uv_poll_t;
typedef struct uv_timer_s uv_timer_t;
typedef struct uv_prepare_s uv_prepare_t;
typedef struct uv_check_s uv_check_t;
typedef struct uv_idle_s uv_idle_t;
typedef struct uv_async_s uv_async_t;
typedef struct uv_process_s uv_process_t;
typedef struct uv_req_s uv_req_t;
typedef struct uv_shutdown_s uv_shutdown_t;
typedef struct uv_write_s uv_write_t;
typedef struct uv_connect_s uv_connect_t;
typedef struct uv_fs_s uv_fs_t;
typedef struct uv_work_s uv_work_t;
typedef struct uv_getaddrinfo_s uv_getaddrinfo_t;
typedef struct uv_getnameinfo_s uv_getnameinfo_t;

typedef struct uv_buf_t {
  char *base;
  size_t len;
} uv_buf_t;

typedef enum {
  UV_UNKNOWN_HANDLE = 0,
  UV_ASYNC,
  UV_CHECK,
  UV_FS_EVENT,
  UV_FS_POLL,
  UV_HANDLE,
  UV_IDLE,
  UV_NAMED_PIPE,
  UV_POLL,
  UV_PREPARE,
  UV_PROCESS,
  UV_STREAM,
  UV_TCP,
  UV_TIMER,
  UV_TTY,
  UV_UDP,
  UV_SIGNAL,
  UV_FILE,
  UV_HANDLE_TYPE_MAX
} uv_handle_type;

typedef enum {
  UV_UNKNOWN_REQ = 0,
  UV_REQ,
  UV_CONNECT,
  UV_WRITE,
  UV_SHUTDOWN,
  UV_UDP_SEND,
  UV_FS,
  UV_WORK,
  UV_GETADDRINFO,
  UV_GETNAMEINFO,
  UV_REQ_TYPE_MAX
} uv_req_type;

typedef enum { UV_RUN_DEFAULT = 0, UV_RUN_ONCE, UV_RUN_NOWAIT } uv_run_mode;

typedef void (*uv_alloc_cb)(uv_handle_t *, size_t, uv_buf_t *);
typedef void (*uv_read_cb)(uv_stream_t *, ssize_t, const uv_buf_t *);
typedef void (*uv_write_cb)(uv_write_t *, int);
typedef void (*uv_connect_cb)(uv_connect_t *, int);
typedef void (*uv_shutdown_cb)(uv_shutdown_t *, int);
typedef void (*uv_close_cb)(uv_handle_t *);
typedef void (*uv_poll_cb)(uv_poll_t *, int, int);
typedef void (*uv_timer_cb)(uv_timer_t *);
typedef void (*uv_async_cb)(uv_async_t *);
typedef void (*uv_prepare_cb)(uv_prepare_t *);
typedef void (*uv_check_cb)(uv_check_t *);
typedef void (*uv_idle_cb)(uv_idle_t *);
typedef void (*uv_exit_cb)(uv_process_t *, int64_t, int);
typedef void (*uv_walk_cb)(uv_handle_t *, void *);
typedef void (*uv_fs_cb)(uv_fs_t *);
typedef void (*uv_work_cb)(uv_work_t *);
typedef void (*uv_after_work_cb)(uv_work_t *, int);
typedef void (*uv_getaddrinfo_cb)(uv_getaddrinfo_t *, int, struct addrinfo *);
typedef void (*uv_getnameinfo_cb)(uv_getnameinfo_t *, int, const char *, const char *);

/* The loop. */

struct uv_loop_s {
  void *data;
  void *__loop_private[31];
};

int uv_backend_timeout(const uv_loop_t *);
int uv_loop_alive(const uv_loop_t *);
int uv_loop_close(uv_loop_t *);
int uv_loop_init(uv_loop_t *);
size_t uv_loop_size(void);
uint64_t uv_now(const uv_loop_t *);
int uv_run(uv_loop_t *, uv_run_mode);
void uv_stop(uv_loop_t *);
void uv_update_time(uv_loop_t *);
void uv_walk(uv_loop_t *, uv_walk_cb, void *);

/* Handles. */

#define UV_HANDLE_FIELDS \
  void *data;            \
  uv_loop_t *loop;       \
  uv_handle_type type;   \
  void *__handle_private[5];

struct uv_handle_s {
  UV_HANDLE_FIELDS
};

void uv_close(uv_handle_t *, uv_close_cb);
int uv_fileno(const uv_handle_t *, uv_os_fd_t *);
size_t uv_handle_size(uv_handle_type);
int uv_has_ref(const uv_handle_t *);
int uv_is_active(const uv_handle_t *);
int uv_is_closing(const uv_handle_t *);
void uv_ref(uv_handle_t *);
void uv_unref(uv_handle_t *);

/* Requests. */

#define UV_REQ_FIELDS  \
  void *data;          \
  uv_req_type type;    \
  void *__req_private[2];

struct uv_req_s {
  UV_REQ_FIELDS
};

int uv_cancel(uv_req_t *);
size_t uv_req_size(uv_req_type);

/* Timers. */

struct uv_timer_s {
  UV_HANDLE_FIELDS
  void *__timer_private[5];
};

int uv_timer_again(uv_timer_t *);
uint64_t uv_timer_get_repeat(const uv_timer_t *);
int uv_timer_init(uv_loop_t *, uv_timer_t *);
void uv_timer_set_repeat(uv_timer_t *, uint64_t);
int uv_timer_start(uv_timer_t *, uv_timer_cb, uint64_t, uint64_t);
int uv_timer_stop(uv_timer_t *);

/* Prepare, check and idle handles. */

struct uv_prepare_s {
  UV_HANDLE_FIELDS
  void *__prepare_private[3];
};

struct uv_check_s {
  UV_HANDLE_FIELDS
  void *__check_private[3];
};

struct uv_idle_s {
  UV_HANDLE_FIELDS
  void *__idle_private[3];
};

int uv_prepare_init(uv_loop_t *, uv_prepare_t *);
int uv_prepare_start(uv_prepare_t *, uv_prepare_cb);
int uv_prepare_stop(uv_prepare_t *);
int uv_check_init(uv_loop_t *, uv_check_t *);
int uv_check_start(uv_check_t *, uv_check_cb);
int uv_check_stop(uv_check_t *);
int uv_idle_init(uv_loop_t *, uv_idle_t *);
int uv_idle_start(uv_idle_t *, uv_idle_cb);
int uv_idle_stop(uv_idle_t *);

/* Async handles. */

struct uv_async_s {
  UV_HANDLE_FIELDS
  void *__async_private[4];
};

int uv_async_init(uv_loop_t *, uv_async_t *, uv_async_cb);
int uv_async_send(uv_async_t *);

/* Poll handles. */

enum uv_poll_event {
  UV_READABLE = 1,
  UV_WRITABLE = 2,
  UV_DISCONNECT = 4,
  UV_PRIORITIZED = 8
};

struct uv_poll_s {
  UV_HANDLE_FIELDS
  void *__poll_private[7];
};

int uv_poll_init(uv_loop_t *, uv_poll_t *, int);
int uv_poll_init_socket(uv_loop_t *, uv_poll_t *, uv_os_sock_t);
int uv_poll_start(uv_poll_t *, int, uv_poll_cb);
int uv_poll_stop(uv_poll_t *);

/* Processes. */

struct uv_process_s {
  UV_HANDLE_FIELDS
  uv_exit_cb exit_cb;
  int pid;
};

void uv_disable_stdio_inheritance(void);
int uv_process_kill(uv_process_t *, int);

/* Streams. */

#define UV_STREAM_FIELDS     \
  size_t write_queue_size;   \
  void *__stream_private[15];

struct uv_stream_s {
  UV_HANDLE_FIELDS
  UV_STREAM_FIELDS
};

struct uv_write_s {
  UV_REQ_FIELDS
  uv_write_cb cb;
  uv_stream_t *send_handle;
  uv_stream_t *handle;
  void *__write_private[12];
};

struct uv_shutdown_s {
  UV_REQ_FIELDS
  uv_stream_t *handle;
  uv_shutdown_cb cb;
  void *__shutdown_private[1];
};

struct uv_connect_s {
  UV_REQ_FIELDS
  uv_connect_cb cb;
  uv_stream_t *handle;
  void *__connect_private[1];
};

int uv_accept(uv_stream_t *, uv_stream_t *);
int uv_is_readable(const uv_stream_t *);
int uv_is_writable(const uv_stream_t *);
int uv_read_start(uv_stream_t *, uv_alloc_cb, uv_read_cb);
int uv_read_stop(uv_stream_t *);
int uv_shutdown(uv_shutdown_t *, uv_stream_t *, uv_shutdown_cb);
int uv_stream_set_blocking(uv_stream_t *, int);
int uv_try_write(uv_stream_t *, const uv_buf_t *, unsigned int);
int uv_write(uv_write_t *, uv_stream_t *, const uv_buf_t *, unsigned int, uv_write_cb);
int uv_write2(uv_write_t *, uv_stream_t *, const uv_buf_t *, unsigned int, uv_stream_t *, uv_write_cb);

/* TCP handles. */

struct uv_tcp_s {
  UV_HANDLE_FIELDS
  UV_STREAM_FIELDS
};

enum uv_tcp_flags { UV_TCP_IPV6ONLY = 1 };

int uv_tcp_init(uv_loop_t *, uv_tcp_t *);
int uv_tcp_init_ex(uv_loop_t *, uv_tcp_t *, unsigned int);
int uv_tcp_open(uv_tcp_t *, uv_os_sock_t);

/* Pipes. */

struct uv_pipe_s {
  UV_HANDLE_FIELDS
  UV_STREAM_FIELDS
  int ipc;
};

int uv_pipe_init(uv_loop_t *, uv_pipe_t *, int);
int uv_pipe_open(uv_pipe_t *, uv_file);
int uv_pipe_pending_count(uv_pipe_t *);
uv_handle_type uv_pipe_pending_type(uv_pipe_t *);

/* Terminals. */

struct uv_tty_s {
  UV_HANDLE_FIELDS
  UV_STREAM_FIELDS
};

typedef enum { UV_TTY_MODE_NORMAL, UV_TTY_MODE_RAW, UV_TTY_MODE_IO } uv_tty_mode_t;

int uv_tty_init(uv_loop_t *, uv_tty_t *, uv_file, int);
int uv_tty_reset_mode(void);

/* UDP handles. */

enum uv_udp_flags { UV_UDP_IPV6ONLY = 1, UV_UDP_PARTIAL = 2, UV_UDP_REUSEADDR = 4 };

typedef void (*uv_udp_recv_cb)(uv_udp_t *, ssize_t, const uv_buf_t *, const struct sockaddr *, unsigned int);

struct uv_udp_s {
  UV_HANDLE_FIELDS
  size_t send_queue_size;
  size_t send_queue_count;
  void *__udp_private[10];
};

int uv_udp_init(uv_loop_t *, uv_udp_t *);
int uv_udp_init_ex(uv_loop_t *, uv_udp_t *, unsigned int);
int uv_udp_open(uv_udp_t *, uv_os_sock_t);
int uv_udp_recv_start(uv_udp_t *, uv_alloc_cb, uv_udp_recv_cb);
int uv_udp_recv_stop(uv_udp_t *);

/* File system requests. */

typedef enum {
  UV_FS_UNKNOWN = -1,
  UV_FS_CUSTOM,
  UV_FS_OPEN,
  UV_FS_CLOSE,
  UV_FS_READ,
  UV_FS_WRITE,
  UV_FS_SENDFILE,
  UV_FS_STAT,
  UV_FS_LSTAT,
  UV_FS_FSTAT,
  UV_FS_FTRUNCATE,
  UV_FS_UTIME,
  UV_FS_FUTIME,
  UV_FS_ACCESS,
  UV_FS_CHMOD,
  UV_FS_FCHMOD,
  UV_FS_FSYNC,
  UV_FS_FDATASYNC,
  UV_FS_UNLINK,
  UV_FS_RMDIR,
  UV_FS_MKDIR,
  UV_FS_MKDTEMP,
  UV_FS_RENAME,
  UV_FS_SCANDIR,
  UV_FS_LINK,
  UV_FS_SYMLINK,
  UV_FS_READLINK,
  UV_FS_CHOWN,
  UV_FS_FCHOWN,
  UV_FS_REALPATH,
  UV_FS_COPYFILE
} uv_fs_type;

typedef struct {
  long tv_sec;
  long tv_nsec;
} uv_timespec_t;

typedef struct {
  uint64_t st_dev;
  uint64_t st_mode;
  uint64_t st_nlink;
  uint64_t st_uid;
  uint64_t st_gid;
  uint64_t st_rdev;
  uint64_t st_ino;
  uint64_t st_size;
  uint64_t st_blksize;
  uint64_t st_blocks;
  uint64_t st_flags;
  uint64_t st_gen;
  uv_timespec_t st_atim;
  uv_timespec_t st_mtim;
  uv_timespec_t st_ctim;
  uv_timespec_t st_birthtim;
} uv_stat_t;

struct uv_fs_s {
  UV_REQ_FIELDS
  uv_fs_type fs_type;
  uv_loop_t *loop;
  uv_fs_cb cb;
  ssize_t result;
  void *ptr;
  const char *path;
  uv_stat_t statbuf;
  void *__fs_private[25];
};

int uv_fs_close(uv_loop_t *, uv_fs_t *, uv_file, uv_fs_cb);
int uv_fs_fdatasync(uv_loop_t *, uv_fs_t *, uv_file, uv_fs_cb);
int uv_fs_fstat(uv_loop_t *, uv_fs_t *, uv_file, uv_fs_cb);
int uv_fs_fsync(uv_loop_t *, uv_fs_t *, uv_file, uv_fs_cb);
int uv_fs_ftruncate(uv_loop_t *, uv_fs_t *, uv_file, int64_t, uv_fs_cb);
int uv_fs_futime(uv_loop_t *, uv_fs_t *, uv_file, double, double, uv_fs_cb);
int uv_fs_read(uv_loop_t *, uv_fs_t *, uv_file, const uv_buf_t *, unsigned int, int64_t, uv_fs_cb);
void uv_fs_req_cleanup(uv_fs_t *);
int uv_fs_sendfile(uv_loop_t *, uv_fs_t *, uv_file, uv_file, int64_t, size_t, uv_fs_cb);
int uv_fs_write(uv_loop_t *, uv_fs_t *, uv_file, const uv_buf_t *, unsigned int, int64_t, uv_fs_cb);
uv_os_fd_t uv_get_osfhandle(int);

/* Work on the thread pool. */

struct uv_work_s {
  UV_REQ_FIELDS
  uv_loop_t *loop;
  uv_work_cb work_cb;
  uv_after_work_cb after_work_cb;
  void *__work_private[6];
};

int uv_queue_work(uv_loop_t *, uv_work_t *, uv_work_cb, uv_after_work_cb);

/* The resolver: numeric hosts and services, and "localhost". */

struct uv_getaddrinfo_s {
  UV_REQ_FIELDS
  uv_loop_t *loop;
  struct addrinfo *addrinfo;
  void *__getaddrinfo_private[11];
};

struct uv_getnameinfo_s {
  UV_REQ_FIELDS
  uv_loop_t *loop;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  void *__getnameinfo_private[13];
};

void uv_freeaddrinfo(struct addrinfo *);
int uv_getaddrinfo(uv_loop_t *, uv_getaddrinfo_t *, uv_getaddrinfo_cb, const char *, const char *,
                   const struct addrinfo *);
int uv_getnameinfo(uv_loop_t *, uv_getnameinfo_t *, uv_getnameinfo_cb, const struct sockaddr *, int);

/* Threads and synchronisation: the pthread types. */

typedef __pthread_t uv_thread_t;
typedef __pthread_key_t uv_key_t;
typedef __pthread_lock_t uv_mutex_t;
typedef __pthread_lock_t uv_rwlock_t;
typedef __pthread_cond_t uv_cond_t;
typedef __pthread_once_t uv_once_t;
typedef __pthread_barrier_t uv_barrier_t;
typedef __sem_t uv_sem_t;

typedef void (*uv_thread_cb)(void *);

#define UV_ONCE_INIT {0}

void uv_barrier_destroy(uv_barrier_t *);
int uv_barrier_init(uv_barrier_t *, unsigned int);
int uv_barrier_wait(uv_barrier_t *);
void uv_cond_broadcast(uv_cond_t *);
void uv_cond_destroy(uv_cond_t *);
int uv_cond_init(uv_cond_t *);
void uv_cond_signal(uv_cond_t *);
int uv_cond_timedwait(uv_cond_t *, uv_mutex_t *, uint64_t);
void uv_cond_wait(uv_cond_t *, uv_mutex_t *);
int uv_key_create(uv_key_t *);
void uv_key_delete(uv_key_t *);
void *uv_key_get(uv_key_t *);
void uv_key_set(uv_key_t *, void *);
void uv_mutex_destroy(uv_mutex_t *);
int uv_mutex_init(uv_mutex_t *);
int uv_mutex_init_recursive(uv_mutex_t *);
void uv_mutex_lock(uv_mutex_t *);
int uv_mutex_trylock(uv_mutex_t *);
void uv_mutex_unlock(uv_mutex_t *);
void uv_once(uv_once_t *, void (*)(void));
void uv_rwlock_destroy(uv_rwlock_t *);
int uv_rwlock_init(uv_rwlock_t *);
void uv_rwlock_rdlock(uv_rwlock_t *);
void uv_rwlock_rdunlock(uv_rwlock_t *);
int uv_rwlock_tryrdlock(uv_rwlock_t *);
int uv_rwlock_trywrlock(uv_rwlock_t *);
void uv_rwlock_wrlock(uv_rwlock_t *);
void uv_rwlock_wrunlock(uv_rwlock_t *);
void uv_sem_destroy(uv_sem_t *);
int uv_sem_init(uv_sem_t *, unsigned int);
void uv_sem_post(uv_sem_t *);
int uv_sem_trywait(uv_sem_t *);
void uv_sem_wait(uv_sem_t *);
int uv_thread_create(uv_thread_t *, uv_thread_cb, void *);
int uv_thread_equal(const uv_thread_t *, const uv_thread_t *);
int uv_thread_join(uv_thread_t *);
uv_thread_t uv_thread_self(void);

/* Miscellaneous. */

typedef struct {
  long tv_sec;
  long tv_usec;
} uv_timeval_t;

typedef struct {
  uv_timeval_t ru_utime;
  uv_timeval_t ru_stime;
  uint64_t ru_maxrss;
  uint64_t ru_ixrss;
  uint64_t ru_idrss;
  uint64_t ru_isrss;
  uint64_t ru_minflt;
  uint64_t ru_majflt;
  uint64_t ru_nswap;
  uint64_t ru_inblock;
  uint64_t ru_oublock;
  uint64_t ru_msgsnd;
  uint64_t ru_msgrcv;
  uint64_t ru_nsignals;
  uint64_t ru_nvcsw;
  uint64_t ru_nivcsw;
} uv_rusage_t;

uv_buf_t uv_buf_init(char *, size_t);
int uv_getrusage(uv_rusage_t *);
uv_handle_type uv_guess_handle(uv_file);
uint64_t uv_hrtime(void);
int uv_if_indextoiid(unsigned int, char *, size_t *);
int uv_if_indextoname(unsigned int, char *, size_t *);
int uv_inet_ntop(int, const void *, char *, size_t);
int uv_inet_pton(int, const char *, void *);
int uv_ip4_addr(const char *, int, struct sockaddr_in *);
int uv_ip6_addr(const char *, int, struct sockaddr_in6 *);
int uv_ip4_name(const struct sockaddr_in *, char *, size_t);
int uv_ip6_name(const struct sockaddr_in6 *, char *, size_t);
int uv_os_getenv(const char *, char *, size_t *);
void uv_print_active_handles(uv_loop_t *, FILE *);
void uv_print_all_handles(uv_loop_t *, FILE *);

#ifdef __CLOUDLIBC_COMPAT
/* The functions cloudlibc removed (see the top of this file). */

typedef void *(*uv_malloc_func)(size_t);
typedef void *(*uv_realloc_func)(void *, size_t);
typedef void *(*uv_calloc_func)(size_t, size_t);
typedef void (*uv_free_func)(void *);

int uv_replace_allocator(uv_malloc_func, uv_realloc_func, uv_calloc_func, uv_free_func);

typedef enum { UV_LOOP_BLOCK_SIGNAL } uv_loop_option;

uv_loop_t *uv_default_loop(void);
int uv_backend_fd(const uv_loop_t *);
int uv_loop_configure(uv_loop_t *, uv_loop_option, ...);
int uv_loop_fork(uv_loop_t *);

/* Signals. */

typedef struct uv_signal_s uv_signal_t;
typedef void (*uv_signal_cb)(uv_signal_t *, int);

struct uv_signal_s {
  UV_HANDLE_FIELDS
  uv_signal_cb signal_cb;
  int signum;
  void *__signal_private[6];
};

int uv_signal_init(uv_loop_t *, uv_signal_t *);
int uv_signal_start(uv_signal_t *, uv_signal_cb, int);
int uv_signal_start_oneshot(uv_signal_t *, uv_signal_cb, int);
int uv_signal_stop(uv_signal_t *);

/* Processes. */

typedef enum {
  UV_IGNORE = 0x00,
  UV_CREATE_PIPE = 0x01,
  UV_INHERIT_FD = 0x02,
  UV_INHERIT_STREAM = 0x04,
  UV_READABLE_PIPE = 0x10,
  UV_WRITABLE_PIPE = 0x20
} uv_stdio_flags;

typedef struct uv_stdio_container_s {
  uv_stdio_flags flags;
  union {
    uv_stream_t *stream;
    int fd;
  } data;
} uv_stdio_container_t;

typedef struct uv_process_options_s {
  uv_exit_cb exit_cb;
  const char *file;
  char **args;
  char **env;
  const char *cwd;
  unsigned int flags;
  int stdio_count;
  uv_stdio_container_t *stdio;
  uv_uid_t uid;
  uv_gid_t gid;
} uv_process_options_t;

enum uv_process_flags {
  UV_PROCESS_SETUID = 1 << 0,
  UV_PROCESS_SETGID = 1 << 1,
  UV_PROCESS_WINDOWS_VERBATIM_ARGUMENTS = 1 << 2,
  UV_PROCESS_DETACHED = 1 << 3,
  UV_PROCESS_WINDOWS_HIDE = 1 << 4
};

int uv_spawn(uv_loop_t *, uv_process_t *, const uv_process_options_t *);
int uv_kill(int, int);

/* Streams and sockets. */

typedef void (*uv_connection_cb)(uv_stream_t *, int);

int uv_listen(uv_stream_t *, int, uv_connection_cb);
int uv_recv_buffer_size(uv_handle_t *, int *);
int uv_send_buffer_size(uv_handle_t *, int *);
int uv_tcp_bind(uv_tcp_t *, const struct sockaddr *, unsigned int);
int uv_tcp_connect(uv_connect_t *, uv_tcp_t *, const struct sockaddr *, uv_connect_cb);
int uv_tcp_getsockname(const uv_tcp_t *, struct sockaddr *, int *);
int uv_tcp_getpeername(const uv_tcp_t *, struct sockaddr *, int *);
int uv_tcp_nodelay(uv_tcp_t *, int);
int uv_tcp_keepalive(uv_tcp_t *, int, unsigned int);
int uv_tcp_simultaneous_accepts(uv_tcp_t *, int);
int uv_pipe_bind(uv_pipe_t *, const char *);
void uv_pipe_connect(uv_connect_t *, uv_pipe_t *, const char *, uv_connect_cb);
int uv_pipe_getsockname(const uv_pipe_t *, char *, size_t *);
int uv_pipe_getpeername(const uv_pipe_t *, char *, size_t *);
void uv_pipe_pending_instances(uv_pipe_t *, int);
int uv_pipe_chmod(uv_pipe_t *, int);
int uv_tty_set_mode(uv_tty_t *, uv_tty_mode_t);
int uv_tty_get_winsize(uv_tty_t *, int *, int *);

typedef struct uv_udp_send_s uv_udp_send_t;
typedef void (*uv_udp_send_cb)(uv_udp_send_t *, int);

struct uv_udp_send_s {
  UV_REQ_FIELDS
  uv_udp_t *handle;
  uv_udp_send_cb cb;
  void *__udp_send_private[12];
};

typedef enum { UV_LEAVE_GROUP = 0, UV_JOIN_GROUP } uv_membership;

int uv_udp_bind(uv_udp_t *, const struct sockaddr *, unsigned int);
int uv_udp_getsockname(const uv_udp_t *, struct sockaddr *, int *);
int uv_udp_send(uv_udp_send_t *, uv_udp_t *, const uv_buf_t *, unsigned int, const struct sockaddr *, uv_udp_send_cb);
int uv_udp_try_send(uv_udp_t *, const uv_buf_t *, unsigned int, const struct sockaddr *);
int uv_udp_set_broadcast(uv_udp_t *, int);
int uv_udp_set_membership(uv_udp_t *, const char *, const char *, uv_membership);
int uv_udp_set_multicast_interface(uv_udp_t *, const char *);
int uv_udp_set_multicast_loop(uv_udp_t *, int);
int uv_udp_set_multicast_ttl(uv_udp_t *, int);
int uv_udp_set_ttl(uv_udp_t *, int);

/* Path-taking file system requests. */

typedef enum {
  UV_DIRENT_UNKNOWN,
  UV_DIRENT_FILE,
  UV_DIRENT_DIR,
  UV_DIRENT_LINK,
  UV_DIRENT_FIFO,
  UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR,
  UV_DIRENT_BLOCK
} uv_dirent_type_t;

typedef struct uv_dirent_s {
  const char *name;
  uv_dirent_type_t type;
} uv_dirent_t;

#define UV_FS_COPYFILE_EXCL 0x0001
#define UV_FS_SYMLINK_DIR 0x0001
#define UV_FS_SYMLINK_JUNCTION 0x0002

int uv_fs_access(uv_loop_t *, uv_fs_t *, const char *, int, uv_fs_cb);
int uv_fs_chmod(uv_loop_t *, uv_fs_t *, const char *, int, uv_fs_cb);
int uv_fs_copyfile(uv_loop_t *, uv_fs_t *, const char *, const char *, int, uv_fs_cb);
int uv_fs_fchmod(uv_loop_t *, uv_fs_t *, uv_file, int, uv_fs_cb);
int uv_fs_fchown(uv_loop_t *, uv_fs_t *, uv_file, uv_uid_t, uv_gid_t, uv_fs_cb);
int uv_fs_link(uv_loop_t *, uv_fs_t *, const char *, const char *, uv_fs_cb);
int uv_fs_lstat(uv_loop_t *, uv_fs_t *, const char *, uv_fs_cb);
int uv_fs_mkdir(uv_loop_t *, uv_fs_t *, const char *, int, uv_fs_cb);
int uv_fs_mkdtemp(uv_loop_t *, uv_fs_t *, const char *, uv_fs_cb);
int uv_fs_open(uv_loop_t *, uv_fs_t *, const char *, int, int, uv_fs_cb);
int uv_fs_readlink(uv_loop_t *, uv_fs_t *, const char *, uv_fs_cb);
int uv_fs_realpath(uv_loop_t *, uv_fs_t *, const char *, uv_fs_cb);
int uv_fs_rename(uv_loop_t *, uv_fs_t *, const char *, const char *, uv_fs_cb);
int uv_fs_rmdir(uv_loop_t *, uv_fs_t *, const char *, uv_fs_cb);
int uv_fs_scandir(uv_loop_t *, uv_fs_t *, const char *, int, uv_fs_cb);
int uv_fs_scandir_next(uv_fs_t *, uv_dirent_t *);
int uv_fs_stat(uv_loop_t *, uv_fs_t *, const char *, uv_fs_cb);
int uv_fs_symlink(uv_loop_t *, uv_fs_t *, const char *, const char *, int, uv_fs_cb);
int uv_fs_unlink(uv_loop_t *, uv_fs_t *, const char *, uv_fs_cb);
int uv_fs_utime(uv_loop_t *, uv_fs_t *, const char *, double, double, uv_fs_cb);

/* The process and its host. */

typedef struct uv_cpu_info_s {
  char *model;
  int speed;
  struct uv_cpu_times_s {
    uint64_t user;
    uint64_t nice;
    uint64_t sys;
    uint64_t idle;
    uint64_t irq;
  } cpu_times;
} uv_cpu_info_t;

typedef struct uv_passwd_s {
  char *username;
  long uid;
  long gid;
  char *shell;
  char *homedir;
} uv_passwd_t;

typedef struct uv_interface_address_s {
  char *name;
  char phys_addr[6];
  int is_internal;
  union {
    struct sockaddr_in address4;
    struct sockaddr_in6 address6;
  } address;
  union {
    struct sockaddr_in netmask4;
    struct sockaddr_in6 netmask6;
  } netmask;
} uv_interface_address_t;

char **uv_setup_args(int, char **);
int uv_get_process_title(char *, size_t);
int uv_set_process_title(const char *);
int uv_chdir(const char *);
int uv_cwd(char *, size_t *);
int uv_exepath(char *, size_t *);
int uv_cpu_info(uv_cpu_info_t **, int *);
void uv_free_cpu_info(uv_cpu_info_t *, int);
void uv_loadavg(double[3]);
int uv_uptime(double *);
uint64_t uv_get_total_memory(void);
int uv_resident_set_memory(size_t *);
int uv_os_homedir(char *, size_t *);
int uv_os_tmpdir(char *, size_t *);
int uv_os_gethostname(char *, size_t *);
uv_pid_t uv_os_getpid(void);
uv_pid_t uv_os_getppid(void);
int uv_os_setenv(const char *, const char *);
int uv_os_unsetenv(const char *);
int uv_os_get_passwd(uv_passwd_t *);
void uv_os_free_passwd(uv_passwd_t *);
int uv_interface_addresses(uv_interface_address_t **, int *);
void uv_free_interface_addresses(uv_interface_address_t *, int);

/* Dynamic libraries: none can be loaded. */

typedef struct {
  void *handle;
  char *errmsg;
} uv_lib_t;

int uv_dlopen(const char *, uv_lib_t *);
void uv_dlclose(uv_lib_t *);
int uv_dlsym(uv_lib_t *, const char *, void **);
const char *uv_dlerror(const uv_lib_t *);
#endif

__END_DECLS

#endif
