/* uv_run modes, uv_stop, liveness, references, uv_walk, uv_loop_close,
 * uv_backend_timeout and the default loop. */
#include "test.h"
#include <uv.h>

static int fired;
static int walked;
static int closes;

static void count(uv_timer_t *t) {
  (void)t;
  fired++;
}

static void stop_loop(uv_timer_t *t) {
  fired++;
  uv_stop(t->loop);
}

static void on_walk(uv_handle_t *h, void *arg) {
  CHECK(arg == &walked);
  CHECK(h->type == UV_TIMER || h->type == UV_IDLE);
  walked++;
}

static void close_walk(uv_handle_t *h, void *arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

static void on_close(uv_handle_t *h) {
  (void)h;
  closes++;
}

static void idle_cb(uv_idle_t *i) { (void)i; }

int main(void) {
  uv_loop_t loop;
  CHECK_EQ(uv_loop_size(), sizeof(uv_loop_t));
  CHECK_EQ(uv_loop_init(&loop), 0);
  loop.data = &loop;

  /* Nothing to do: every mode returns 0 at once. */
  CHECK_EQ(uv_loop_alive(&loop), 0);
  CHECK_EQ(uv_backend_timeout(&loop), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_ONCE), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 0);

  /* NOWAIT does not wait for a far timer; the loop stays alive. */
  uv_timer_t far, near;
  CHECK_EQ(uv_timer_init(&loop, &far), 0);
  CHECK_EQ(uv_timer_start(&far, count, 60000, 0), 0);
  CHECK_EQ(uv_loop_alive(&loop), 1);
  int t = uv_backend_timeout(&loop);
  CHECK(t > 59000 && t <= 60000);
  uint64_t start = uv_hrtime();
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK(uv_hrtime() - start < 1000000000);
  CHECK_EQ(fired, 0);

  /* ONCE waits for the near timer and runs it. */
  CHECK_EQ(uv_timer_init(&loop, &near), 0);
  CHECK_EQ(uv_timer_start(&near, count, 20, 0), 0);
  start = uv_hrtime();
  CHECK_EQ(uv_run(&loop, UV_RUN_ONCE), 1);
  CHECK_EQ(fired, 1);
  CHECK(uv_hrtime() - start >= 15000000);

  /* An unreferenced handle does not keep the loop alive. */
  CHECK_EQ(uv_has_ref((uv_handle_t *)&far), 1);
  uv_unref((uv_handle_t *)&far);
  uv_unref((uv_handle_t *)&far);
  CHECK_EQ(uv_has_ref((uv_handle_t *)&far), 0);
  CHECK_EQ(uv_loop_alive(&loop), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK(uv_is_active((uv_handle_t *)&far));
  uv_ref((uv_handle_t *)&far);
  CHECK_EQ(uv_loop_alive(&loop), 1);

  /* uv_stop ends DEFAULT after the iteration; the loop is still alive. */
  CHECK_EQ(uv_timer_start(&near, stop_loop, 1, 1), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 1);
  CHECK_EQ(fired, 2);
  uv_timer_stop(&near);

  /* An idle handle makes the wait not block. */
  uv_idle_t idle;
  CHECK_EQ(uv_idle_init(&loop, &idle), 0);
  CHECK_EQ(uv_idle_start(&idle, idle_cb), 0);
  CHECK_EQ(uv_backend_timeout(&loop), 0);
  CHECK_EQ(uv_idle_stop(&idle), 0);

  /* uv_walk sees every open handle. */
  uv_walk(&loop, on_walk, &walked);
  CHECK_EQ(walked, 3);

  /* Open handles keep uv_loop_close from succeeding. */
  CHECK_EQ(uv_loop_close(&loop), UV_EBUSY);
  uv_close((uv_handle_t *)&far, on_close);
  CHECK_EQ(uv_loop_alive(&loop), 1);
  uv_walk(&loop, close_walk, NULL);
  CHECK_EQ(uv_loop_close(&loop), UV_EBUSY);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(closes, 1);
  walked = 0;
  uv_walk(&loop, on_walk, &walked);
  CHECK_EQ(walked, 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  CHECK(loop.data == &loop);

  /* The default loop is one static loop, made again after closing. */
  uv_loop_t *d = uv_default_loop();
  CHECK(d != NULL);
  CHECK(uv_default_loop() == d);
  CHECK_EQ(uv_run(d, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_loop_close(d), 0);
  CHECK(uv_default_loop() == d);
  CHECK_EQ(uv_loop_close(d), 0);

  /* What this loop has no use for. */
  CHECK_EQ(uv_backend_fd(&loop), -1);
  CHECK_EQ(uv_loop_fork(&loop), UV_ENOSYS);
  CHECK_EQ(uv_loop_init(&loop), 0);
  CHECK_EQ(uv_loop_configure(&loop, UV_LOOP_BLOCK_SIGNAL, SIGPIPE), 0);
  CHECK_EQ(uv_loop_configure(&loop, UV_LOOP_BLOCK_SIGNAL, 1000), UV_EINVAL);
  CHECK_EQ(uv_loop_configure(&loop, (uv_loop_option)7), UV_EINVAL);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
