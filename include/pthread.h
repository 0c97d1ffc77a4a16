/* <pthread.h>: POSIX threads.
 *
 * Types (layouts in <_/pthreadtypes.h>):
 * - pthread_t is a pointer to the thread's control block;
 * - pthread_key_t is a struct wrapping a pointer, as in cloudlibc;
 * - pthread_mutex_t, pthread_rwlock_t and pthread_spinlock_t are one type
 *   built on a CloudABI lock word, so pthread_cond_wait() accepts any of
 *   them (write-locked); pthread_mutexattr_t and pthread_rwlockattr_t are
 *   one type too. All-zero bytes are a valid default object.
 *
 * Behaviour worth knowing:
 * - a normal (default) mutex locked again by its owner fails with EDEADLK
 *   rather than hanging, and unlocking a mutex one does not own fails with
 *   EPERM, so PTHREAD_MUTEX_ERRORCHECK behaves like the default type;
 * - the last thread to call pthread_exit() ends the process as exit(0);
 * - outside _CLOUDLIBC_STRICT: thread cancellation is not supported
 *   (pthread_cancel() fails with ENOSYS; the state and type can be set and
 *   read, and pthread_testcancel() has nothing to act on); scheduling
 *   attributes are stored but every thread is scheduled alike (only
 *   SCHED_OTHER, PTHREAD_SCOPE_SYSTEM and PTHREAD_INHERIT_SCHED are
 *   accepted); priority ceilings (PTHREAD_PRIO_PROTECT) and robust mutexes
 *   are not supported (ENOTSUP and EINVAL). */
#ifndef _PTHREAD_H_
#define _PTHREAD_H_

#include <_/cdefs.h>
#include <_/pthreadtypes.h>
#include <_/timespec.h>
#include <_/types.h>
#include <sched.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#ifndef _CLOCKID_T_DECLARED
#define _CLOCKID_T_DECLARED
typedef __clockid_t clockid_t;
#endif

#ifndef _PTHREAD_T_DECLARED
#define _PTHREAD_T_DECLARED
typedef __pthread_t pthread_t;
#endif
typedef __pthread_key_t pthread_key_t;
typedef __pthread_lock_t pthread_mutex_t;
typedef __pthread_lock_t pthread_rwlock_t;
typedef __pthread_lock_t pthread_spinlock_t;
typedef __pthread_cond_t pthread_cond_t;
typedef __pthread_once_t pthread_once_t;
typedef __pthread_barrier_t pthread_barrier_t;

typedef struct {
  __sizet __stacksize;
  __sizet __guardsize;
  void *__stackaddr;
  int __detachstate;
  int __policy;
  int __priority;
  int __inheritsched;
  int __scope;
} pthread_attr_t;

typedef struct {
  int __pshared;
  int __type;
  int __protocol;
  int __prioceiling;
} __pthread_lockattr_t;
typedef __pthread_lockattr_t pthread_mutexattr_t;
typedef __pthread_lockattr_t pthread_rwlockattr_t;

typedef struct {
  __clockid_t __clock;
  int __pshared;
} pthread_condattr_t;

typedef struct {
  int __pshared;
} pthread_barrierattr_t;

#define PTHREAD_BARRIER_SERIAL_THREAD (-1)

#define PTHREAD_CREATE_DETACHED 1
#define PTHREAD_CREATE_JOINABLE 2

#define PTHREAD_MUTEX_NORMAL 1
#define PTHREAD_MUTEX_RECURSIVE 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_STALLED 1
#define PTHREAD_PRIO_INHERIT 1

#define PTHREAD_PROCESS_PRIVATE 1
#define PTHREAD_PROCESS_SHARED 2

#define PTHREAD_MUTEX_INITIALIZER {0, 0, 0, 0}
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP {0, 0, PTHREAD_MUTEX_RECURSIVE, 0}
#define PTHREAD_RWLOCK_INITIALIZER {0, 0, 0, 0}
#define PTHREAD_COND_INITIALIZER {0, 0, 0}
#define PTHREAD_ONCE_INIT {0}

/* pthread_cleanup_push() and pthread_cleanup_pop() must be used as a pair
 * in one block; the record lives in that block's frame. */
struct __pthread_cleanup {
  struct __pthread_cleanup *__prev;
  void (*__routine)(void *);
  void *__arg;
};
#define pthread_cleanup_push(routine, arg)                     \
  {                                                            \
    struct __pthread_cleanup __pthread_cleanup_record;         \
    __pthread_cleanup_push(&__pthread_cleanup_record, (routine), (arg)); \
    {
#define pthread_cleanup_pop(execute)                             \
    }                                                            \
    __pthread_cleanup_pop(&__pthread_cleanup_record, (execute)); \
  }

__BEGIN_DECLS
void __pthread_cleanup_push(struct __pthread_cleanup *, void (*)(void *), void *);
void __pthread_cleanup_pop(struct __pthread_cleanup *, int);

int pthread_atfork(void (*)(void), void (*)(void), void (*)(void));
int pthread_attr_destroy(pthread_attr_t *);
int pthread_attr_getdetachstate(const pthread_attr_t *, int *);
int pthread_attr_getstacksize(const pthread_attr_t *, size_t *);
int pthread_attr_init(pthread_attr_t *);
int pthread_attr_setdetachstate(pthread_attr_t *, int);
int pthread_attr_setstacksize(pthread_attr_t *, size_t);
int pthread_barrier_destroy(pthread_barrier_t *);
int pthread_barrier_init(pthread_barrier_t *, const pthread_barrierattr_t *, unsigned int);
int pthread_barrier_wait(pthread_barrier_t *);
int pthread_barrierattr_destroy(pthread_barrierattr_t *);
int pthread_barrierattr_getpshared(const pthread_barrierattr_t *, int *);
int pthread_barrierattr_init(pthread_barrierattr_t *);
int pthread_barrierattr_setpshared(pthread_barrierattr_t *, int);
int pthread_cond_broadcast(pthread_cond_t *);
int pthread_cond_destroy(pthread_cond_t *);
int pthread_cond_init(pthread_cond_t *, const pthread_condattr_t *);
int pthread_cond_signal(pthread_cond_t *);
int pthread_cond_timedwait(pthread_cond_t *, __pthread_lock_t *, const struct timespec *);
int pthread_cond_timedwait_relative_np(pthread_cond_t *, __pthread_lock_t *, const struct timespec *);
int pthread_cond_wait(pthread_cond_t *, __pthread_lock_t *);
int pthread_condattr_destroy(pthread_condattr_t *);
int pthread_condattr_getclock(const pthread_condattr_t *, clockid_t *);
int pthread_condattr_getpshared(const pthread_condattr_t *, int *);
int pthread_condattr_init(pthread_condattr_t *);
int pthread_condattr_setclock(pthread_condattr_t *, clockid_t);
int pthread_condattr_setpshared(pthread_condattr_t *, int);
int pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
int pthread_detach(pthread_t);
int pthread_equal(pthread_t, pthread_t);
__noreturn void pthread_exit(void *);
void *pthread_getspecific(pthread_key_t);
int pthread_join(pthread_t, void **);
int pthread_key_create(pthread_key_t *, void (*)(void *));
int pthread_key_delete(pthread_key_t);
int pthread_mutex_destroy(pthread_mutex_t *);
int pthread_mutex_init(pthread_mutex_t *, const pthread_mutexattr_t *);
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_lock_pair_np(pthread_mutex_t *, pthread_mutex_t *);
int pthread_mutex_timedlock(pthread_mutex_t *, const struct timespec *);
int pthread_mutex_trylock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
int pthread_mutexattr_destroy(pthread_mutexattr_t *);
int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *, int *);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *, int *);
int pthread_mutexattr_getrobust(const pthread_mutexattr_t *, int *);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *, int *);
int pthread_mutexattr_init(pthread_mutexattr_t *);
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *, int);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *, int);
int pthread_mutexattr_setrobust(pthread_mutexattr_t *, int);
int pthread_mutexattr_settype(pthread_mutexattr_t *, int);
int pthread_once(pthread_once_t *, void (*)(void));
int pthread_rwlock_destroy(pthread_rwlock_t *);
int pthread_rwlock_init(pthread_rwlock_t *, const pthread_rwlockattr_t *);
int pthread_rwlock_rdlock(pthread_rwlock_t *);
int pthread_rwlock_timedrdlock(pthread_rwlock_t *, const struct timespec *);
int pthread_rwlock_timedwrlock(pthread_rwlock_t *, const struct timespec *);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *);
int pthread_rwlock_trywrlock(pthread_rwlock_t *);
int pthread_rwlock_unlock(pthread_rwlock_t *);
int pthread_rwlock_wrlock(pthread_rwlock_t *);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *);
int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *, int *);
int pthread_rwlockattr_init(pthread_rwlockattr_t *);
int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *, int);
pthread_t pthread_self(void);
int pthread_setspecific(pthread_key_t, const void *);
int pthread_spin_destroy(pthread_spinlock_t *);
int pthread_spin_init(pthread_spinlock_t *, int);
int pthread_spin_lock(pthread_spinlock_t *);
int pthread_spin_trylock(pthread_spinlock_t *);
int pthread_spin_unlock(pthread_spinlock_t *);
__END_DECLS

#ifdef __CLOUDLIBC_COMPAT
#define PTHREAD_MUTEX_ERRORCHECK 3
#define PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP {0, 0, PTHREAD_MUTEX_ERRORCHECK, 0}
#define PTHREAD_PRIO_NONE 0
#define PTHREAD_PRIO_PROTECT 2

#define PTHREAD_CANCEL_ENABLE 0
#define PTHREAD_CANCEL_DISABLE 1
#define PTHREAD_CANCEL_DEFERRED 0
#define PTHREAD_CANCEL_ASYNCHRONOUS 1
#define PTHREAD_CANCELED ((void *)-1)

#define PTHREAD_SCOPE_SYSTEM 1
#define PTHREAD_SCOPE_PROCESS 2
#define PTHREAD_INHERIT_SCHED 1
#define PTHREAD_EXPLICIT_SCHED 2

__BEGIN_DECLS
int pthread_attr_getguardsize(const pthread_attr_t *, size_t *);
int pthread_attr_getinheritsched(const pthread_attr_t *, int *);
int pthread_attr_getschedparam(const pthread_attr_t *, struct sched_param *);
int pthread_attr_getschedpolicy(const pthread_attr_t *, int *);
int pthread_attr_getscope(const pthread_attr_t *, int *);
int pthread_attr_getstack(const pthread_attr_t *, void **, size_t *);
int pthread_attr_setguardsize(pthread_attr_t *, size_t);
int pthread_attr_setinheritsched(pthread_attr_t *, int);
int pthread_attr_setschedparam(pthread_attr_t *, const struct sched_param *);
int pthread_attr_setschedpolicy(pthread_attr_t *, int);
int pthread_attr_setscope(pthread_attr_t *, int);
int pthread_attr_setstack(pthread_attr_t *, void *, size_t);
int pthread_cancel(pthread_t);
int pthread_getattr_np(pthread_t, pthread_attr_t *);
int pthread_getconcurrency(void);
int pthread_getcpuclockid(pthread_t, clockid_t *);
int pthread_getname_np(pthread_t, char *, size_t);
int pthread_getschedparam(pthread_t, int *, struct sched_param *);
int pthread_mutex_consistent(pthread_mutex_t *);
int pthread_mutex_getprioceiling(const pthread_mutex_t *, int *);
int pthread_mutex_setprioceiling(pthread_mutex_t *, int, int *);
int pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *, int *);
int pthread_mutexattr_setprioceiling(pthread_mutexattr_t *, int);
int pthread_setcancelstate(int, int *);
int pthread_setcanceltype(int, int *);
int pthread_setconcurrency(int);
int pthread_setname_np(pthread_t, const char *);
int pthread_setschedparam(pthread_t, int, const struct sched_param *);
int pthread_setschedprio(pthread_t, int);
void pthread_testcancel(void);
int pthread_timedjoin_np(pthread_t, void **, const struct timespec *);
int pthread_tryjoin_np(pthread_t, void **);
__END_DECLS
#endif

#endif
