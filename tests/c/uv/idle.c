/* Idle, prepare and check handles: once per iteration, in libuv's order
 * (timers, idle, prepare, wait, check), later-started handles of a kind
 * first; stopping and closing take effect at once. */
#include "test.h"
#include <uv.h>

static char trace[64];
static int n;

static void mark(uv_handle_t *h) {
  if (n < (int)sizeof(trace) - 1) trace[n++] = *(const char *)h->data;
}
static void on_idle(uv_idle_t *h) { mark((uv_handle_t *)h); }
static void on_prepare(uv_prepare_t *h) { mark((uv_handle_t *)h); }
static void on_check(uv_check_t *h) { mark((uv_handle_t *)h); }
static void on_timer(uv_timer_t *h) { mark((uv_handle_t *)h); }

static uv_idle_t second;
static void stop_other(uv_idle_t *h) {
  mark((uv_handle_t *)h);
  uv_idle_stop(&second);
}

int main(void) {
  uv_loop_t loop;
  CHECK_EQ(uv_loop_init(&loop), 0);
  uv_idle_t i1;
  uv_prepare_t p;
  uv_check_t c;
  uv_timer_t t;
  i1.data = "I";
  second.data = "J";
  p.data = "P";
  c.data = "C";
  t.data = "T";
  CHECK_EQ(uv_idle_init(&loop, &i1), 0);
  CHECK_EQ(uv_idle_init(&loop, &second), 0);
  CHECK_EQ(uv_prepare_init(&loop, &p), 0);
  CHECK_EQ(uv_check_init(&loop, &c), 0);
  CHECK_EQ(uv_timer_init(&loop, &t), 0);
  CHECK_EQ(uv_idle_start(&i1, NULL), UV_EINVAL);
  CHECK_EQ(uv_idle_start(&i1, on_idle), 0);
  CHECK_EQ(uv_idle_start(&i1, on_idle), 0);
  CHECK_EQ(uv_idle_start(&second, on_idle), 0);
  CHECK_EQ(uv_prepare_start(&p, on_prepare), 0);
  CHECK_EQ(uv_check_start(&c, on_check), 0);
  CHECK_EQ(uv_timer_start(&t, on_timer, 0, 0), 0);

  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK_STR(trace, "TJIPC");
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK_STR(trace, "TJIPCJIPC");

  /* A callback that stops a handle not yet run this iteration. */
  n = 0;
  CHECK_EQ(uv_idle_stop(&second), 0);
  CHECK_EQ(uv_idle_start(&second, on_idle), 0);
  CHECK_EQ(uv_idle_stop(&i1), 0);
  CHECK_EQ(uv_idle_start(&i1, stop_other), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  trace[n] = 0;
  CHECK_STR(trace, "IPC");
  CHECK(!uv_is_active((uv_handle_t *)&second));

  /* Stopped handles no longer run; nothing left keeps the loop alive. */
  n = 0;
  CHECK_EQ(uv_idle_stop(&i1), 0);
  CHECK_EQ(uv_prepare_stop(&p), 0);
  CHECK_EQ(uv_check_stop(&c), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 0);
  CHECK_EQ(n, 0);

  uv_close((uv_handle_t *)&i1, NULL);
  uv_close((uv_handle_t *)&second, NULL);
  uv_close((uv_handle_t *)&p, NULL);
  uv_close((uv_handle_t *)&c, NULL);
  uv_close((uv_handle_t *)&t, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
