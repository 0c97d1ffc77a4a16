/* uv_queue_work: work runs on pool threads, the after-callback on the loop
 * thread; queued work can be cancelled, started work cannot. */
#include "test.h"
#include <time.h>
#include <uv.h>

#define N 16

static uv_thread_t loop_thread;
static uv_sem_t gate;
static int done_count, cancelled, off_loop;
static int results[N];

static void compute(uv_work_t *w) {
  int *slot = w->data;
  uv_thread_t me = uv_thread_self();
  if (!uv_thread_equal(&me, &loop_thread)) __atomic_add_fetch(&off_loop, 1, __ATOMIC_RELAXED);
  *slot = (int)(slot - results) * 2;
}

static void after(uv_work_t *w, int status) {
  uv_thread_t me = uv_thread_self();
  CHECK(uv_thread_equal(&me, &loop_thread));
  CHECK_EQ(status, 0);
  CHECK(w->loop != NULL);
  done_count++;
}

static void blocked(uv_work_t *w) {
  (void)w;
  uv_sem_wait(&gate);
}

static void after_blocked(uv_work_t *w, int status) {
  (void)w;
  if (status == UV_ECANCELED)
    cancelled++;
  else
    done_count++;
}

static void never(uv_work_t *w) {
  (void)w;
  CHECK(0);
}

int main(void) {
  uv_loop_t loop;
  loop_thread = uv_thread_self();
  CHECK_EQ(uv_loop_init(&loop), 0);

  uv_work_t reqs[N];
  CHECK_EQ(uv_queue_work(&loop, &reqs[0], NULL, after), UV_EINVAL);
  for (int i = 0; i < N; i++) {
    reqs[i].data = &results[i];
    results[i] = -1;
    CHECK_EQ(uv_queue_work(&loop, &reqs[i], compute, after), 0);
    CHECK_EQ(reqs[i].type, UV_WORK);
  }
  CHECK_EQ(uv_loop_alive(&loop), 1);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(done_count, N);
  CHECK_EQ(off_loop, N);
  for (int i = 0; i < N; i++) CHECK_EQ(results[i], i * 2);

  /* Occupy the four pool threads, then queue two more and cancel them. */
  done_count = 0;
  CHECK_EQ(uv_sem_init(&gate, 0), 0);
  uv_work_t busy[4], extra[2];
  for (int i = 0; i < 4; i++) CHECK_EQ(uv_queue_work(&loop, &busy[i], blocked, after_blocked), 0);
  for (int i = 0; i < 2; i++) CHECK_EQ(uv_queue_work(&loop, &extra[i], never, after_blocked), 0);
  /* Give the threads time to take the blocking work. */
  struct timespec ts = {0, 100000000};
  nanosleep(&ts, NULL);
  CHECK_EQ(uv_cancel((uv_req_t *)&extra[1]), 0);
  CHECK_EQ(uv_cancel((uv_req_t *)&extra[0]), 0);
  CHECK_EQ(uv_cancel((uv_req_t *)&extra[0]), UV_EBUSY);
  CHECK_EQ(uv_cancel((uv_req_t *)&busy[0]), UV_EBUSY);
  uv_write_t not_work;
  not_work.type = UV_WRITE;
  CHECK_EQ(uv_cancel((uv_req_t *)&not_work), UV_EINVAL);
  for (int i = 0; i < 4; i++) uv_sem_post(&gate);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(cancelled, 2);
  CHECK_EQ(done_count, 4);
  uv_sem_destroy(&gate);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
