/* <semaphore.h>: unnamed semaphores (a lock, a condition variable and a
 * value; layout in <_/pthreadtypes.h>). Named semaphores (compat sem_open
 * and friends) need a global namespace that no capability grants: sem_open
 * and sem_unlink fail with ENOTCAPABLE, sem_close with EINVAL. */
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

#ifdef __CLOUDLIBC_COMPAT
#define SEM_FAILED ((sem_t *)0)
int sem_close(sem_t *);
sem_t *sem_open(const char *, int, ...);
int sem_unlink(const char *);
#endif
__END_DECLS

#endif
