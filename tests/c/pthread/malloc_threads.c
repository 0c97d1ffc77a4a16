/* malloc and free from four threads at once, with blocks freed by a
 * thread other than the one that allocated them; contents stay intact. */
#include <pthread.h>
#include <stdlib.h>
#include "test.h"

#define ROUNDS 20000
#define SLOTS 64

static void *volatile handoff[4][SLOTS];
static volatile int corrupt;

static void *churn(void *arg) {
  long me = (long)arg;
  unsigned seed = (unsigned)me * 2654435761u + 1;
  for (int i = 0; i < ROUNDS; i++) {
    seed = seed * 1103515245u + 12345u;
    size_t n = 1 + (seed >> 8) % 3000;
    unsigned char *p = malloc(n);
    if (p == NULL) {
      corrupt++;
      continue;
    }
    p[0] = (unsigned char)me;
    p[n - 1] = (unsigned char)me;
    /* Leave it for the next thread; take one the previous thread left. */
    void *mine = __atomic_exchange_n(&handoff[(me + 1) % 4][seed % SLOTS], p, __ATOMIC_ACQ_REL);
    free(mine);
    void *theirs = __atomic_exchange_n(&handoff[me][(seed >> 4) % SLOTS], NULL, __ATOMIC_ACQ_REL);
    if (theirs != NULL && ((unsigned char *)theirs)[0] != (unsigned char)((me + 3) % 4)) corrupt++;
    free(theirs);
  }
  return NULL;
}

int main(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; i++) CHECK_EQ(pthread_create(&t[i], NULL, churn, (void *)i), 0);
  for (int i = 0; i < 4; i++) CHECK_EQ(pthread_join(t[i], NULL), 0);
  CHECK_EQ(corrupt, 0);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < SLOTS; j++) free(handoff[i][j]);
  return test_summary();
}
