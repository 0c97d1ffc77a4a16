/* Internal: the thread synchronisation types shared by <pthread.h>,
 * <threads.h> and <semaphore.h>. LP64 layouts (sizes in bytes):
 *
 *   __pthread_lock_t     12  pthread_mutex_t, pthread_rwlock_t,
 *                            pthread_spinlock_t, mtx_t: a CloudABI lock
 *                            word (0 unlocked, 0x40000000|tid write-locked,
 *                            the reader count read-locked, 0x80000000 set
 *                            while threads sleep on it), the owner's extra
 *                            acquisitions of a recursive mutex, the mutex
 *                            type and the process-shared attribute.
 *   __pthread_cond_t     12  pthread_cond_t, cnd_t: a CloudABI condition
 *                            variable word (0 while nobody waits), the
 *                            clock of timed waits, process-shared.
 *   __pthread_once_t      4  pthread_once_t, once_flag.
 *   __pthread_barrier_t  36  a lock, a condition variable, the count, the
 *                            threads still to arrive and a generation.
 *   __sem_t              28  a lock, a condition variable and the value.
 *
 * All-zero bytes are a valid default object of each of these types, which
 * is what the static initialisers spell out. Uncontended locking is one
 * compare-and-swap on the lock word, with no system call. */
#ifndef ___PTHREADTYPES_H_
#define ___PTHREADTYPES_H_

#include <_/types.h>

typedef struct __pthread *__pthread_t;

/* A key is a pointer to its slot in the library's key table. */
typedef struct {
  struct __pthread_key *__key;
} __pthread_key_t;

typedef struct {
  __uint32_t __state;
  __uint32_t __recursion;
  __uint8_t __type;
  __uint8_t __pshared;
} __pthread_lock_t;

typedef struct {
  __uint32_t __waiters;
  __clockid_t __clock;
  __uint8_t __pshared;
} __pthread_cond_t;

typedef struct {
  __uint32_t __state;
} __pthread_once_t;

typedef struct {
  __pthread_lock_t __lock;
  __pthread_cond_t __cond;
  __uint32_t __count;
  __uint32_t __remaining;
  __uint32_t __generation;
} __pthread_barrier_t;

typedef struct {
  __pthread_lock_t __lock;
  __pthread_cond_t __cond;
  __uint32_t __value;
} __sem_t;

#endif
