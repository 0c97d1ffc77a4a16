/* <semaphore.h>: unnamed semaphores (a lock, a condition variable and a
 * value; layout in <_/pthreadtypes.h>). Named semaphores (sem_open and
 * friends) need a global namespace and belong to the compatibility layer. */
#ifndef _SEMAPHORE_H_
#define _SEMAPHORE_H_

#include <_/cdefs.h>
#include <_/pthreadtypes.h>
#include <_/timespec.h>

typedef __sem_t sem_t;

__BEGIN_DECLS
int sem_destroy(sem_t *);
int sem_getvalue(sem_t *, int *);
int sem_init(sem_t *, int, unsigned int);
int sem_post(sem_t *);
int sem_timedwait(sem_t *, const struct timespec *);
int sem_trywait(sem_t *);
int sem_wait(sem_t *);
__END_DECLS

#endif
