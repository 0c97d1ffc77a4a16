/* <sys/capsicum.h>: Capsicum rights (cloudlibc). A cap_rights_t holds
 * CloudABI rights bits directly, so every CAP_* value is a set of
 * CLOUDABI_RIGHT_* values. The process is always in capability mode. */
#ifndef _SYS_CAPSICUM_H_
#define _SYS_CAPSICUM_H_

#include <_/cdefs.h>
#include <_/types.h>

typedef __uint64_t __cap_rights_bits_t;
typedef struct {
  __cap_rights_bits_t __value;
} cap_rights_t;

#define _CAP_BIT(n) ((__cap_rights_bits_t)1 << (n))
#define _CAP_SENTINEL ((__cap_rights_bits_t)0)

/* Files. */
#define CAP_READ _CAP_BIT(1)
#define CAP_WRITE _CAP_BIT(6)
#define CAP_SEEK_TELL _CAP_BIT(5)
#define CAP_SEEK (CAP_SEEK_TELL | _CAP_BIT(2))
#define CAP_PREAD (CAP_READ | _CAP_BIT(2))
#define CAP_PWRITE (CAP_WRITE | _CAP_BIT(2))
#define CAP_FSYNC (_CAP_BIT(0) | _CAP_BIT(4))
#define CAP_FCNTL _CAP_BIT(3)
#define CAP_POSIX_FADVISE _CAP_BIT(7)
#define CAP_POSIX_FALLOCATE _CAP_BIT(8)
#define CAP_FTRUNCATE _CAP_BIT(20)
#define CAP_FEXECVE _CAP_BIT(32)
#define CAP_MMAP _CAP_BIT(26)
#define CAP_MMAP_R (CAP_MMAP | CAP_READ)
#define CAP_MMAP_W (CAP_MMAP | CAP_WRITE)
#define CAP_MMAP_X (CAP_MMAP | _CAP_BIT(27))
#define CAP_MMAP_RW (CAP_MMAP_R | CAP_MMAP_W)
#define CAP_MMAP_RX (CAP_MMAP_R | CAP_MMAP_X)
#define CAP_MMAP_WX (CAP_MMAP_W | CAP_MMAP_X)
#define CAP_MMAP_RWX (CAP_MMAP_R | CAP_MMAP_W | CAP_MMAP_X)

/* Directories. */
#define CAP_CREATE (_CAP_BIT(10) | _CAP_BIT(14))
#define CAP_LOOKUP (_CAP_BIT(12) | _CAP_BIT(14))
#define CAP_READDIR _CAP_BIT(15)
#define CAP_READLINK _CAP_BIT(16)
#define CAP_MKDIRAT _CAP_BIT(9)
#define CAP_MKFIFOAT _CAP_BIT(11)
#define CAP_LINKAT (_CAP_BIT(13) | _CAP_BIT(18))
#define CAP_RENAMEAT _CAP_BIT(17)
#define CAP_SYMLINKAT _CAP_BIT(24)
#define CAP_UNLINKAT _CAP_BIT(25)
#define CAP_FSTAT _CAP_BIT(19)
#define CAP_FSTATAT _CAP_BIT(22)
#define CAP_FUTIMES _CAP_BIT(21)
#define CAP_FUTIMESAT _CAP_BIT(23)
#define CAP_BINDAT _CAP_BIT(34)
#define CAP_CONNECTAT _CAP_BIT(36)

/* Sockets. */
#define CAP_RECV CAP_READ
#define CAP_SEND CAP_WRITE
#define CAP_ACCEPT _CAP_BIT(33)
#define CAP_BIND _CAP_BIT(35)
#define CAP_CONNECT _CAP_BIT(37)
#define CAP_LISTEN _CAP_BIT(38)
#define CAP_SHUTDOWN _CAP_BIT(39)
#define CAP_GETSOCKOPT _CAP_BIT(40)
#define CAP_GETPEERNAME CAP_GETSOCKOPT
#define CAP_GETSOCKNAME CAP_GETSOCKOPT
#define CAP_SOCK_CLIENT \
  (CAP_CONNECT | CAP_GETPEERNAME | CAP_GETSOCKNAME | CAP_GETSOCKOPT | CAP_RECV | CAP_SEND | CAP_SHUTDOWN)
#define CAP_SOCK_SERVER                                                                                 \
  (CAP_ACCEPT | CAP_BIND | CAP_GETPEERNAME | CAP_GETSOCKNAME | CAP_GETSOCKOPT | CAP_LISTEN | CAP_RECV | \
   CAP_SEND | CAP_SHUTDOWN)

/* Polling and process descriptors. */
#define CAP_EVENT _CAP_BIT(28)
#define CAP_KQUEUE_CHANGE _CAP_BIT(29)
#define CAP_KQUEUE_EVENT _CAP_BIT(31)
#define CAP_KQUEUE (CAP_KQUEUE_CHANGE | CAP_KQUEUE_EVENT)
#define CAP_PDWAIT _CAP_BIT(30)

#define CAP_ALL(rights)                      \
  do {                                       \
    (rights)->__value = _CAP_BIT(41) - 1;    \
  } while (0)
#define CAP_NONE(rights)    \
  do {                      \
    (rights)->__value = 0;  \
  } while (0)

#define cap_rights_init(rights, ...) __cap_rights_init(rights, ##__VA_ARGS__, _CAP_SENTINEL)
#define cap_rights_set(rights, ...) __cap_rights_set(rights, ##__VA_ARGS__, _CAP_SENTINEL)
#define cap_rights_clear(rights, ...) __cap_rights_clear(rights, ##__VA_ARGS__, _CAP_SENTINEL)
#define cap_rights_is_set(rights, ...) __cap_rights_is_set(rights, ##__VA_ARGS__, _CAP_SENTINEL)

__BEGIN_DECLS
void(CAP_ALL)(cap_rights_t *);
void(CAP_NONE)(cap_rights_t *);
cap_rights_t *__cap_rights_clear(cap_rights_t *, ...);
cap_rights_t *__cap_rights_init(cap_rights_t *, ...);
__bool __cap_rights_is_set(const cap_rights_t *, ...);
cap_rights_t *__cap_rights_set(cap_rights_t *, ...);
int cap_enter(void);
int cap_getmode(unsigned int *);
__bool cap_rights_contains(const cap_rights_t *, const cap_rights_t *);
int cap_rights_get(int, cap_rights_t *);
int cap_rights_get_explicit(int, cap_rights_t *, cap_rights_t *);
int cap_rights_limit(int, const cap_rights_t *);
int cap_rights_limit_explicit(int, const cap_rights_t *, const cap_rights_t *);
cap_rights_t *cap_rights_merge(cap_rights_t *, const cap_rights_t *);
cap_rights_t *cap_rights_remove(cap_rights_t *, const cap_rights_t *);
__bool cap_sandboxed(void);
__END_DECLS

#endif
