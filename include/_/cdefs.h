/* Internal: compiler and feature helpers shared by all headers. */
#ifndef ___CDEFS_H_
#define ___CDEFS_H_

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS }
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#if defined(__cplusplus) && __cplusplus >= 201103L
#define __noreturn [[noreturn]]
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define __noreturn _Noreturn
#else
#define __noreturn __attribute__((__noreturn__))
#endif

#ifdef __cplusplus
#define __bool bool
#else
#define __bool _Bool
#endif

#define __pure2 __attribute__((__const__))
#define __printflike(f, a) __attribute__((__format__(__printf__, f, a)))
#define __scanflike(f, a) __attribute__((__format__(__scanf__, f, a)))
#define __malloc_like __attribute__((__malloc__))
#define __warn_unused __attribute__((__warn_unused_result__))

/* Declarations beyond cloudlibc (the compatibility layer for functions
 * cloudlibc removed) are visible unless _CLOUDLIBC_STRICT is defined. */
#ifndef _CLOUDLIBC_STRICT
#define __CLOUDLIBC_COMPAT 1
#endif

#endif
