/* <threads.h>: C11 threads, on the same objects as <pthread.h>: mtx_t is a
 * pthread mutex, cnd_t a pthread condition variable, thrd_t a pthread_t,
 * tss_t a pthread key, once_flag a pthread_once_t. Timed waits measure
 * TIME_UTC (the realtime clock). thrd_sleep()'s second argument is
 * optional: with no signals, a sleep is never interrupted. */
#ifndef _THREADS_H_
#define _THREADS_H_

#include <_/cdefs.h>
#include <_/pthreadtypes.h>
#include <_/timespec.h>

#if !defined(__cplusplus) && !(defined(__STDC_VERSION__) && __STDC_VERSION__ > 201710L)
#define thread_local _Thread_local
#endif

#define ONCE_FLAG_INIT {0}
#define TSS_DTOR_ITERATIONS 4

typedef __pthread_cond_t cnd_t;
typedef __pthread_t thrd_t;
typedef __pthread_key_t tss_t;
typedef __pthread_lock_t mtx_t;
typedef void (*tss_dtor_t)(void *);
typedef int (*thrd_start_t)(void *);
typedef __pthread_once_t once_flag;

enum { mtx_plain = 0x1, mtx_recursive = 0x2, mtx_timed = 0x4 };

enum { thrd_busy = 1, thrd_error = 2, thrd_nomem = 3, thrd_success = 4, thrd_timedout = 5 };

__BEGIN_DECLS
void call_once(once_flag *, void (*)(void));
int cnd_broadcast(cnd_t *);
void cnd_destroy(cnd_t *);
int cnd_init(cnd_t *);
int cnd_signal(cnd_t *);
int cnd_timedwait(cnd_t *, mtx_t *, const struct timespec *);
int cnd_wait(cnd_t *, mtx_t *);
void mtx_destroy(mtx_t *);
int mtx_init(mtx_t *, int);
int mtx_lock(mtx_t *);
int mtx_timedlock(mtx_t *, const struct timespec *);
int mtx_trylock(mtx_t *);
int mtx_unlock(mtx_t *);
int thrd_create(thrd_t *, thrd_start_t, void *);
thrd_t thrd_current(void);
int thrd_detach(thrd_t);
int thrd_equal(thrd_t, thrd_t);
__noreturn void thrd_exit(int);
int thrd_join(thrd_t, int *);
int thrd_sleep(const struct timespec *, ...);
void thrd_yield(void);
int tss_create(tss_t *, tss_dtor_t);
void tss_delete(tss_t);
void *tss_get(tss_t);
int tss_set(tss_t, void *);
__END_DECLS

#endif
