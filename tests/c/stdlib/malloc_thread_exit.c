/* A thread that exits with its cache of free blocks full hands the blocks
 * on: each of a series of threads allocates as many blocks as the one
 * before freed, and gets exactly those blocks back rather than new memory.
 *
 * The sizes are ones nothing else in the program allocates. The largest
 * class comes first: carving it may turn the end of a region into blocks
 * of smaller classes, which the first thread then takes and records. A
 * new thread's cache is empty; the main thread's may hold blocks of any
 * class from start-up, so it takes no part. */
#include <pthread.h>
#include <stdlib.h>
#include "test.h"

#define N 300
#define THREADS 10

static const size_t sizes[] = {250000, 700};
static const int counts[] = {20, N};
#define NSIZES (sizeof(sizes) / sizeof(sizes[0]))

static void *first[NSIZES][N];
static int strangers;

static int known(size_t k, void *p) {
  for (int i = 0; i < counts[k]; i++)
    if (first[k][i] == p) return 1;
  return 0;
}

/* Allocates blocks of each size, notes (or checks) them, frees them. */
static void *cycle(void *arg) {
  int record = arg != NULL;
  void *mine[N];
  for (size_t k = 0; k < NSIZES; k++) {
    for (int i = 0; i < counts[k]; i++) {
      mine[i] = malloc(sizes[k]);
      memset(mine[i], i, sizes[k]);
      if (record)
        first[k][i] = mine[i];
      else if (!known(k, mine[i]))
        strangers++;
    }
    for (int i = 0; i < counts[k]; i++) free(mine[i]);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  CHECK_EQ(pthread_create(&t, NULL, cycle, (void *)1), 0);
  CHECK_EQ(pthread_join(t, NULL), 0);
  for (int i = 0; i < THREADS; i++) {
    CHECK_EQ(pthread_create(&t, NULL, cycle, NULL), 0);
    CHECK_EQ(pthread_join(t, NULL), 0);
  }
  CHECK_EQ(strangers, 0);
  return test_summary();
}
