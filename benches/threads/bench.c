/* Thread primitives, built alike against this library (cloudabi-cc), glibc
 * and musl, and run by run.sh, which prints the ratios. Each measurement
 * is repeated and the fastest repetition counts (the machine is shared);
 * prints one line per measurement: "name ns-per-operation".
 *   mutex_uncontended     lock + unlock of a free mutex, one thread running
 *   mutex_uncontended_mt  the same while a second thread exists (glibc
 *                         skips atomic instructions while single-threaded,
 *                         and so does this library)
 *   mutex_contended       lock, increment, unlock; two threads on one mutex
 *   create_join           pthread_create + pthread_join of an empty thread
 *   condvar_pingpong      one round trip between two threads (two handoffs) */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

typedef unsigned long long u64;

#ifdef __CloudABI__
/* No <time.h> in this library yet: the CloudABI clock, directly. */
#include <cloudabi_syscalls.h>
static u64 now(void) {
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_MONOTONIC, 0, &t);
  return t;
}
#else
#include <time.h>
static u64 now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (u64)ts.tv_sec * 1000000000u + (u64)ts.tv_nsec;
}
#endif

#define REPEAT 5

static void out(const char *s) { write(1, s, strlen(s)); }

/* Prints "name value" with one decimal. */
static void report(const char *name, u64 total_ns, u64 ops) {
  u64 tenths = total_ns * 10 / ops;
  char b[32];
  int i = sizeof(b);
  b[--i] = '\n';
  b[--i] = '0' + tenths % 10;
  b[--i] = '.';
  u64 v = tenths / 10;
  do {
    b[--i] = '0' + v % 10;
    v /= 10;
  } while (v);
  out(name);
  out(" ");
  write(1, b + i, sizeof(b) - i);
}

/* Runs `f` REPEAT times and reports the fastest run per operation. */
static void measure(const char *name, void (*f)(void), u64 ops) {
  u64 best = ~0ull;
  for (int r = 0; r < REPEAT; r++) {
    u64 t0 = now();
    f();
    u64 t = now() - t0;
    if (t < best) best = t;
  }
  report(name, best, ops);
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t park = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static volatile long counter;
static int turn;

#define UNCONTENDED 5000000
#define CONTENDED 1000000
#define THREADS 2000
#define PINGPONG 20000

static void uncontended(void) {
  for (int i = 0; i < UNCONTENDED; i++) {
    pthread_mutex_lock(&lock);
    pthread_mutex_unlock(&lock);
  }
}

static void *add(void *arg) {
  for (int i = 0; i < CONTENDED / 2; i++) {
    pthread_mutex_lock(&lock);
    counter = counter + 1;
    pthread_mutex_unlock(&lock);
  }
  return arg;
}

static void contended(void) {
  pthread_t a, b;
  counter = 0;
  pthread_create(&a, NULL, add, NULL);
  pthread_create(&b, NULL, add, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  if (counter != CONTENDED) out("mutex_contended: WRONG COUNT\n");
}

static void *empty(void *arg) { return arg; }

static void create_join(void) {
  for (int i = 0; i < THREADS; i++) {
    pthread_t a;
    pthread_create(&a, NULL, empty, NULL);
    pthread_join(a, NULL);
  }
}

/* Waits for its turn (0 or 1), then passes it on, PINGPONG times. */
static void *player(void *arg) {
  int me = (int)(long)arg;
  for (int i = 0; i < PINGPONG; i++) {
    pthread_mutex_lock(&lock);
    while (turn != me) pthread_cond_wait(&cond, &lock);
    turn = !me;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

static void pingpong(void) {
  pthread_t a, b;
  turn = 0;
  pthread_create(&a, NULL, player, (void *)0L);
  pthread_create(&b, NULL, player, (void *)1L);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}

/* Sleeps on `park`, held by main, so that the process is multi-threaded. */
static void *parked(void *arg) {
  pthread_mutex_lock(&park);
  pthread_mutex_unlock(&park);
  return arg;
}

int main(void) {
  measure("mutex_uncontended", uncontended, UNCONTENDED);
  pthread_t p;
  pthread_mutex_lock(&park);
  pthread_create(&p, NULL, parked, NULL);
  measure("mutex_uncontended_mt", uncontended, UNCONTENDED);
  pthread_mutex_unlock(&park);
  pthread_join(p, NULL);
  measure("mutex_contended", contended, CONTENDED);
  measure("create_join", create_join, THREADS);
  measure("condvar_pingpong", pingpong, PINGPONG);
  return 0;
}
