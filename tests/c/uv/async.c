/* uv_async_send from other threads wakes the loop; sends before the
 * callback runs are coalesced; a closed async handle lets the loop end. */
#include "test.h"
#include <time.h>
#include <uv.h>

static uv_async_t async;
static uv_thread_t loop_thread;
static int calls;
static int target = 100;
static volatile int sent;

static void on_async(uv_async_t *a) {
  uv_thread_t me = uv_thread_self();
  CHECK(uv_thread_equal(&me, &loop_thread));
  CHECK(a == &async);
  calls++;
  if (__atomic_load_n(&sent, __ATOMIC_ACQUIRE) == target) uv_close((uv_handle_t *)a, NULL);
}

static void sender(void *arg) {
  (void)arg;
  for (int i = 0; i < target; i++) {
    CHECK_EQ(uv_async_send(&async), 0);
    if (i % 10 == 0) {
      struct timespec ts = {0, 1000000};
      nanosleep(&ts, NULL);
    }
  }
  __atomic_store_n(&sent, target, __ATOMIC_RELEASE);
  CHECK_EQ(uv_async_send(&async), 0);
}

static int ticks;
static void on_tick(uv_async_t *a) {
  (void)a;
  ticks++;
}

int main(void) {
  uv_loop_t loop;
  loop_thread = uv_thread_self();
  CHECK_EQ(uv_loop_init(&loop), 0);

  /* Sends on the loop thread before running coalesce into one call. */
  uv_async_t tick;
  CHECK_EQ(uv_async_init(&loop, &tick, on_tick), 0);
  CHECK(uv_is_active((uv_handle_t *)&tick));
  CHECK_EQ(uv_async_send(&tick), 0);
  CHECK_EQ(uv_async_send(&tick), 0);
  CHECK_EQ(uv_async_send(&tick), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK_EQ(ticks, 1);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK_EQ(ticks, 1);
  uv_unref((uv_handle_t *)&tick);

  /* Another thread wakes a loop that is blocked waiting. */
  CHECK_EQ(uv_async_init(&loop, &async, on_async), 0);
  uv_thread_t t;
  CHECK_EQ(uv_thread_create(&t, sender, NULL), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_thread_join(&t), 0);
  CHECK(calls >= 1);
  CHECK(calls <= target + 1);
  CHECK(uv_is_closing((uv_handle_t *)&async));

  uv_close((uv_handle_t *)&tick, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
