/* Anonymous message queues: attributes, priority order (first in, first
 * out within a priority), size limits, non-blocking and timed operation;
 * the named-queue calls have no capability meaning. */
#include "test.h"
#include <fcntl.h>
#include <mqueue.h>
#include <time.h>

static struct timespec in_ms(long ms) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  long long ns = ts.tv_nsec + ms * 1000000LL;
  ts.tv_sec += ns / 1000000000;
  ts.tv_nsec = ns % 1000000000;
  return ts;
}

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
  mqd_t q;
  struct mq_attr attr = {.mq_flags = O_RDWR, .mq_maxmsg = 4, .mq_msgsize = 8};
  CHECK_ERRNO(mq_init(&q, &attr), EINVAL);
  attr.mq_flags = 0;
  attr.mq_maxmsg = 0;
  CHECK_ERRNO(mq_init(&q, &attr), EINVAL);
  attr.mq_maxmsg = 4;
  attr.mq_msgsize = -5;
  CHECK_ERRNO(mq_init(&q, &attr), EINVAL);
  attr.mq_msgsize = 8;
  CHECK_EQ(mq_init(&q, &attr), 0);

  CHECK_EQ(mq_send(q, "low1", 4, 1), 0);
  CHECK_EQ(mq_send(q, "high", 4, 9), 0);
  CHECK_EQ(mq_send(q, "low2", 5, 1), 0);
  CHECK_EQ(mq_send(q, "mid", 3, 5), 0);
  struct mq_attr got;
  CHECK_EQ(mq_getattr(q, &got), 0);
  CHECK_EQ(got.mq_curmsgs, 4);
  CHECK_EQ(got.mq_maxmsg, 4);
  CHECK_EQ(got.mq_msgsize, 8);
  CHECK_EQ(got.mq_flags, 0);

  /* Full: a timed send gives up at its deadline. */
  struct timespec soon = in_ms(100);
  long long t0 = now_ns();
  CHECK_ERRNO(mq_timedsend(q, "x", 1, 0, &soon), ETIMEDOUT);
  CHECK(now_ns() - t0 >= 90000000LL);
  CHECK_ERRNO(mq_send(q, "too long!", 9, 0), EMSGSIZE);
  CHECK_ERRNO(mq_send(q, "x", 1, MQ_PRIO_MAX), EINVAL);

  char buf[8];
  unsigned prio = 0;
  CHECK_ERRNO(mq_receive(q, buf, 7, &prio), EMSGSIZE);
  CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 4);
  CHECK_EQ(prio, 9);
  CHECK(memcmp(buf, "high", 4) == 0);
  CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 3);
  CHECK_EQ(prio, 5);
  CHECK(memcmp(buf, "mid", 3) == 0);
  CHECK_EQ(mq_send(q, "late", 4, 1), 0);
  CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 4);
  CHECK(memcmp(buf, "low1", 4) == 0);
  CHECK_EQ(mq_receive(q, buf, sizeof(buf), NULL), 5);
  CHECK_STR(buf, "low2");
  CHECK_EQ(mq_receive(q, buf, sizeof(buf), &prio), 4);
  CHECK(memcmp(buf, "late", 4) == 0);
  CHECK_EQ(prio, 1);

  /* Empty: a timed receive gives up; bad deadlines are EINVAL. */
  soon = in_ms(50);
  CHECK_ERRNO(mq_timedreceive(q, buf, sizeof(buf), NULL, &soon), ETIMEDOUT);
  struct timespec past = {0, 0};
  CHECK_ERRNO(mq_timedreceive(q, buf, sizeof(buf), NULL, &past), ETIMEDOUT);
  struct timespec bad = {0, 1000000000};
  CHECK_ERRNO(mq_timedreceive(q, buf, sizeof(buf), NULL, &bad), EINVAL);
  bad.tv_nsec = -1;
  CHECK_ERRNO(mq_timedreceive(q, buf, sizeof(buf), NULL, &bad), EINVAL);

  /* Non-blocking: EAGAIN instead of waiting; setattr changes only the flag. */
  struct mq_attr nb = {.mq_flags = O_NONBLOCK, .mq_maxmsg = 99, .mq_msgsize = 99};
  CHECK_EQ(mq_setattr(q, &nb, NULL), 0);
  CHECK_EQ(mq_getattr(q, &got), 0);
  CHECK_EQ(got.mq_flags, O_NONBLOCK);
  CHECK_EQ(got.mq_maxmsg, 4);
  CHECK_EQ(got.mq_curmsgs, 0);
  CHECK_ERRNO(mq_receive(q, buf, sizeof(buf), NULL), EAGAIN);
  CHECK_ERRNO(mq_timedreceive(q, buf, sizeof(buf), NULL, &bad), EAGAIN);
  for (int i = 0; i < 4; i++) CHECK_EQ(mq_send(q, "m", 1, i), 0);
  CHECK_ERRNO(mq_send(q, "m", 1, 0), EAGAIN);
  nb.mq_flags = 0xdead;
  CHECK_ERRNO(mq_setattr(q, &nb, NULL), EINVAL);
  nb.mq_flags = 0;
  CHECK_EQ(mq_setattr(q, &nb, &nb), 0);
  CHECK_EQ(nb.mq_flags, O_NONBLOCK);
  CHECK_EQ(nb.mq_curmsgs, 4);
  CHECK_EQ(mq_getattr(q, &got), 0);
  CHECK_EQ(got.mq_flags, 0);
  CHECK_EQ(mq_destroy(q), 0);

  mqd_t named = mq_open("/queue", O_RDWR | O_CREAT, 0600, &attr);
  CHECK_EQ(errno, ENOTCAPABLE);
  CHECK(named.__mqd == (struct __mqd *)-1);
  CHECK_ERRNO(mq_unlink("/queue"), ENOTCAPABLE);
  CHECK_ERRNO(mq_close(named), EBADF);
  CHECK_EQ(mq_init(&q, &attr), 0);
  CHECK_EQ(mq_notify(q, NULL), 0);
  CHECK_ERRNO(mq_notify(q, (const struct sigevent *)&attr), ENOTSUP);
  CHECK_EQ(mq_destroy(q), 0);
  return test_summary();
}
