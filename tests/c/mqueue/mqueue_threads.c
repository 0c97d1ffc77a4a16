/* Blocking queue operations wait for another thread: a receive on an
 * empty queue until a message is sent, a send on a full queue until a
 * message is taken, a timed receive until a late message arrives. */
#include "test.h"
#include <mqueue.h>
#include <pthread.h>
#include <time.h>

static mqd_t q;

static void nap_ms(long ms) {
  struct timespec ts = {0, ms * 1000000};
  nanosleep(&ts, NULL);
}

static void *sender(void *arg) {
  (void)arg;
  nap_ms(100);
  mq_send(q, "ping", 4, 3);
  return NULL;
}

static void *receiver(void *arg) {
  char buf[8];
  nap_ms(100);
  *(ssize_t *)arg = mq_receive(q, buf, sizeof(buf), NULL);
  return NULL;
}

int main(void) {
  struct mq_attr attr = {.mq_flags = 0, .mq_maxmsg = 1, .mq_msgsize = 8};
  CHECK_EQ(mq_init(&q, &attr), 0);

  pthread_t t;
  char buf[8];
  unsigned prio = 0;
  CHECK_EQ(pthread_create(&t, NULL, sender, NULL), 0);
  CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 4);
  CHECK(memcmp(buf, "ping", 4) == 0);
  CHECK_EQ(prio, 3);
  CHECK_EQ(pthread_join(t, NULL), 0);

  ssize_t got = 0;
  CHECK_EQ(mq_send(q, "one", 3, 0), 0);
  CHECK_EQ(pthread_create(&t, NULL, receiver, &got), 0);
  CHECK_EQ(mq_send(q, "two", 3, 0), 0);
  CHECK_EQ(pthread_join(t, NULL), 0);
  CHECK_EQ(got, 3);
  CHECK_EQ(mq_receive(q, buf, sizeof(buf), NULL), 3);
  CHECK(memcmp(buf, "two", 3) == 0);

  CHECK_EQ(pthread_create(&t, NULL, sender, NULL), 0);
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += 5;
  CHECK_EQ(mq_timedreceive(q, buf, sizeof(buf), NULL, &deadline), 4);
  CHECK_EQ(pthread_join(t, NULL), 0);
  CHECK_EQ(mq_destroy(q), 0);
  return test_summary();
}
