/* Internal: the basic C types, under reserved names, so each public header
 * can define exactly the names it is allowed to. LP64, x86_64. */
#ifndef ___TYPES_H_
#define ___TYPES_H_

typedef signed char __int8_t;
typedef unsigned char __uint8_t;
typedef short __int16_t;
typedef unsigned short __uint16_t;
typedef int __int32_t;
typedef unsigned int __uint32_t;
typedef long __int64_t;
typedef unsigned long __uint64_t;
typedef long __intptr_t;
typedef unsigned long __uintptr_t;
typedef long __intmax_t;
typedef unsigned long __uintmax_t;
/* Not `__sizet`: gcc's stddef.h defines that name as an include guard. */
typedef unsigned long __sizet;
typedef long __ssize_t;
typedef long __ptrdiff_t;
typedef int __wchar_t;
typedef unsigned int __wint_t;

typedef __int64_t __off_t;
typedef __uint64_t __ino_t;
typedef __uint64_t __dev_t;
typedef __uint32_t __mode_t;
typedef __uint32_t __nlink_t;
typedef __uint32_t __uid_t;
typedef __uint32_t __gid_t;
typedef __int32_t __pid_t;
typedef __int64_t __time_t;
typedef __int64_t __clock_t;
typedef __uint32_t __clockid_t;
typedef __int64_t __blksize_t;
typedef __int64_t __blkcnt_t;
typedef __uint64_t __fsblkcnt_t;
typedef __uint64_t __fsfilcnt_t;
typedef __int64_t __suseconds_t;
typedef __uint32_t __useconds_t;
/* cloudlibc's socket types: lengths are size_t, families one byte. */
typedef __sizet __socklen_t;
typedef __uint8_t __sa_family_t;
typedef __builtin_va_list __va_list;

/* cloudlibc's multibyte conversion state. */
typedef struct {
  __uint32_t __bytes;
  __uint32_t __bytesleft;
  __uint32_t __partial;
  __uint32_t __lowerbound;
} __mbstate_t;

typedef struct __locale *__locale_t;

#endif
