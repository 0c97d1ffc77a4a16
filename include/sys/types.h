/* <sys/types.h>: POSIX data types (64-bit off_t, ino_t, dev_t). */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <_/types.h>

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
typedef __off_t off64_t;
typedef __ino_t ino_t;
typedef __dev_t dev_t;
#ifndef _MODE_T_DECLARED
#define _MODE_T_DECLARED
typedef __mode_t mode_t;
#endif
typedef __nlink_t nlink_t;
#ifndef _UID_T_DECLARED
#define _UID_T_DECLARED
typedef __uid_t uid_t;
typedef __gid_t gid_t;
#endif
#ifndef _PID_T_DECLARED
#define _PID_T_DECLARED
typedef __pid_t pid_t;
#endif
typedef __uint32_t id_t;
#ifndef _TIME_T_DECLARED
#define _TIME_T_DECLARED
typedef __time_t time_t;
#endif
#ifndef _CLOCK_T_DECLARED
#define _CLOCK_T_DECLARED
typedef __clock_t clock_t;
#endif
#ifndef _CLOCKID_T_DECLARED
#define _CLOCKID_T_DECLARED
typedef __clockid_t clockid_t;
#endif
typedef __blksize_t blksize_t;
typedef __blkcnt_t blkcnt_t;
typedef __fsblkcnt_t fsblkcnt_t;
typedef __fsfilcnt_t fsfilcnt_t;
#ifndef _SUSECONDS_T_DECLARED
#define _SUSECONDS_T_DECLARED
typedef __suseconds_t suseconds_t;
#endif
typedef __useconds_t useconds_t;
typedef __int32_t key_t;

#ifdef __CLOUDLIBC_COMPAT
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef __int8_t int8_t;
typedef __int16_t int16_t;
typedef __int32_t int32_t;
typedef __int64_t int64_t;
typedef __uint8_t u_int8_t;
typedef __uint16_t u_int16_t;
typedef __uint32_t u_int32_t;
typedef __uint64_t u_int64_t;
#endif

#endif
