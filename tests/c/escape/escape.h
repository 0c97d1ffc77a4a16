/* Shared part of the escape programs (run by tests/tests/escape.rs).
 *
 * Each program attempts one escape from its grants, either through the
 * libc and the CloudABI system calls (`PROG libc DIR [EXTRA]`) or with raw
 * Linux system calls issued by inline assembly (`PROG raw DIR [EXTRA]`),
 * and prints what happened on one line:
 *   ok        the attempt succeeded (an escape, unless the case is a known limit)
 *   errno N   it failed with errno N: CloudABI numbering through the libc,
 *             Linux numbering through raw calls
 * A program killed by the seccomp filter prints nothing; the runner sees
 * the signal. DIR is the test's scratch directory (absolute); EXTRA is a
 * port, a process id, a name, depending on the case.
 *
 * The runner grants, in this order:
 *   3  DIR/grant   a writable directory (holding sub/, f, and links)
 *   4  DIR/ro      a read-only directory (holding r and rsub/)
 *   5  DIR/rofile  a read-only file
 * and leaves DIR/outside (secret, emptydir/, ...) ungranted. Everything
 * outside DIR/grant is world-writable, so that only the confinement, not
 * file permissions, stands between the program and it.
 *
 * A case file defines `via_libc` and `via_raw` (or only `via_raw` after
 * `#define RAW_ONLY` when CloudABI offers no call to try), each returning
 * a result >= 0 for success; `via_libc` returns -1 with errno set,
 * `via_raw` a negative Linux errno. */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Helpers a case may leave unused. */
#define HELPER static __attribute__((unused))

#define GRANT 3
#define RO 4
#define ROFILE 5

/* ---- Raw Linux system calls (x86_64 numbers unless marked i386). ---- */

HELPER inline long sys6(long n, long a, long b, long c, long d, long e, long f) {
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}
#define sys(n, a, b, c) sys6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)

/* The 32-bit entry point, open to 64-bit processes too. */
HELPER inline long sys_int80(long n, long a, long b, long c) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
  return ret;
}

enum {
  NR_read = 0, NR_write = 1, NR_open = 2, NR_close = 3, NR_stat = 4, NR_ioctl = 16,
  NR_access = 21, NR_socket = 41, NR_connect = 42, NR_sendto = 44, NR_sendmsg = 46,
  NR_bind = 49, NR_socketpair = 53, NR_clone = 56, NR_fork = 57, NR_vfork = 58,
  NR_execve = 59, NR_kill = 62, NR_fcntl = 72, NR_chmod = 90, NR_fchmod = 91,
  NR_ptrace = 101, NR_setuid = 105, NR_chroot = 161, NR_mount = 165, NR_tkill = 200,
  NR_tgkill = 234, NR_rt_sigqueueinfo = 129, NR_prctl = 157, NR_setxattr = 188,
  NR_fsetxattr = 190, NR_unshare = 272, NR_mkdirat = 258, NR_fchownat = 260,
  NR_unlinkat = 263, NR_renameat = 264, NR_linkat = 265, NR_symlinkat = 266,
  NR_readlinkat = 267, NR_fchmodat = 268, NR_utimensat = 280, NR_name_to_handle_at = 303,
  NR_open_by_handle_at = 304, NR_setns = 308, NR_process_vm_readv = 310,
  NR_renameat2 = 316, NR_seccomp = 317, NR_bpf = 321, NR_execveat = 322,
  NR_userfaultfd = 323, NR_statx = 332, NR_pidfd_send_signal = 424,
  NR_io_uring_setup = 425, NR_clone3 = 435, NR_openat2 = 437, NR_pidfd_open = 434,
  NR_openat = 257, NR_newfstatat = 262, NR_perf_event_open = 298, NR_add_key = 248,
  NR_fchown = 93, NR_setpriority = 141,
  X32_BIT = 0x40000000,
  NR_i386_getpid = 20, NR_i386_open = 5,
};

/* Linux flag values (the libc headers hold CloudABI's). */
#define L_AT_FDCWD (-100)
#define L_AT_EMPTY_PATH 0x1000
#define L_AT_REMOVEDIR 0x200
#define L_O_RDONLY 0
#define L_O_WRONLY 01
#define L_O_RDWR 02
#define L_O_CREAT 0100
#define L_O_TRUNC 01000
#define L_O_DIRECTORY 0200000
#define L_O_PATH 010000000
#define L_AF_UNIX 1
#define L_AF_INET 2
#define L_SOCK_STREAM 1
#define L_SOCK_DGRAM 2
#define L_SIGKILL 9
#define L_SIGCHLD 17

struct l_open_how {
  uint64_t flags, mode, resolve;
};

/* openat2 without RESOLVE_* flags: a lookup only Landlock restricts. */
HELPER long raw_open(int dir, const char *path, uint64_t flags) {
  /* openat2 insists on a zero mode unless creating. */
  struct l_open_how how = {flags, (flags & L_O_CREAT) ? 0666 : 0, 0};
  return sys6(NR_openat2, dir, (long)path, (long)&how, sizeof(how), 0, 0);
}

/* Opens and, on success, proves it by writing (or reading) through the
 * descriptor; the runner then finds the change or the printed "ok". */
HELPER long raw_open_write(int dir, const char *path, uint64_t flags) {
  long fd = raw_open(dir, path, flags);
  if (fd < 0) return fd;
  long w = sys(NR_write, fd, "pwned\n", 6);
  return w < 0 ? w : fd;
}

struct l_sockaddr_in {
  uint16_t family, port;
  uint32_t addr;
  uint8_t zero[8];
};

struct l_sockaddr_un {
  uint16_t family;
  char path[108];
};

struct l_iovec {
  void *base;
  size_t len;
};

struct l_msghdr {
  void *name;
  uint32_t namelen;
  struct l_iovec *iov;
  size_t iovlen;
  void *control;
  size_t controllen;
  int flags;
};

/* sendmsg(2) of "pwned" to an explicit address. */
HELPER long send_to(int fd, struct l_sockaddr_un *to, size_t len) {
  struct l_iovec iov = {"pwned", 5};
  struct l_msghdr m = {to, (uint32_t)len, &iov, 1, 0, 0, 0};
  return sys(NR_sendmsg, fd, &m, 0);
}

HELPER struct l_sockaddr_in loopback(int port) {
  struct l_sockaddr_in a;
  memset(&a, 0, sizeof(a));
  a.family = L_AF_INET;
  a.port = (uint16_t)((port >> 8) | ((port & 0xff) << 8));
  a.addr = 0x0100007f; /* 127.0.0.1 in network order */
  return a;
}

/* ---- CloudABI system calls. ---- */

/* A CloudABI call's errno as a libc-style result. */
HELPER long cloudabi(cloudabi_errno_t e) {
  if (e == 0) return 0;
  errno = e;
  return -1;
}

HELPER cloudabi_lookup_t follow(int fd) {
  cloudabi_lookup_t l = {(cloudabi_fd_t)fd, CLOUDABI_LOOKUP_SYMLINK_FOLLOW};
  return l;
}

/* ---- Helpers. ---- */

/* `a` and `b` joined, in a static buffer (one at a time). */
HELPER const char *join(const char *a, const char *b) {
  static char buf[4200];
  size_t n = strlen(a), m = strlen(b);
  if (n + m + 1 > sizeof(buf)) abort();
  memcpy(buf, a, n);
  memcpy(buf + n, b, m + 1);
  return buf;
}

HELPER long number(const char *s) {
  long v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
  return v;
}

HELPER int same(const char *a, const char *b) {
  while (*a != 0 && *a == *b) a++, b++;
  return *a == *b;
}

HELPER void say(const char *s) { write(1, s, strlen(s)); }

HELPER void say_number(long v) {
  char buf[24];
  int i = sizeof(buf);
  do {
    buf[--i] = '0' + v % 10;
    v /= 10;
  } while (v != 0);
  write(1, buf + i, sizeof(buf) - i);
}

static long via_raw(char **arg);
#ifndef RAW_ONLY
static long via_libc(char **arg);
#endif

int main(int argc, char **argv) {
  if (argc < 3) {
    say("usage: PROGRAM libc|raw DIR [EXTRA]\n");
    return 2;
  }
  long r;
  if (same(argv[1], "raw")) {
    r = via_raw(argv + 2);
#ifndef RAW_ONLY
  } else if (same(argv[1], "libc")) {
    errno = 0;
    r = via_libc(argv + 2);
    if (r < 0) r = -errno;
#endif
  } else {
    say("unknown mode\n");
    return 2;
  }
  if (r >= 0 || r < -4095) {
    say("ok\n");
  } else {
    say("errno ");
    say_number(-r);
    say("\n");
  }
  return 0;
}

#endif
