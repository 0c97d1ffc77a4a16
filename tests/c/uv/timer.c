/* uv_timer_*: timers fire in due order (ties in start order), repeat,
 * restart with uv_timer_again, and reject bad arguments. */
#include "test.h"
#include <uv.h>

static char order[16];
static int norder;
static int repeats;
static int closed;

static void record(uv_timer_t *t) { order[norder++] = *(char *)t->data; }

static void repeat_cb(uv_timer_t *t) {
  if (++repeats == 3) uv_timer_stop(t);
}

static void on_close(uv_handle_t *h) {
  (void)h;
  closed++;
}

int main(void) {
  uv_loop_t loop;
  CHECK_EQ(uv_loop_init(&loop), 0);

  /* Due order first, then start order. */
  uv_timer_t t[4];
  char names[4] = {'c', 'a', 'b', 'd'};
  uint64_t due[4] = {30, 10, 20, 20};
  for (int i = 0; i < 4; i++) {
    CHECK_EQ(uv_timer_init(&loop, &t[i]), 0);
    t[i].data = &names[i];
    CHECK_EQ(uv_timer_start(&t[i], record, due[i], 0), 0);
    CHECK(uv_is_active((uv_handle_t *)&t[i]));
  }
  uint64_t before = uv_now(&loop);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_STR(order, "abdc");
  CHECK(uv_now(&loop) >= before + 30);
  CHECK(!uv_is_active((uv_handle_t *)&t[0]));

  /* Repeating: fires every 5 ms until stopped. */
  uv_timer_t r;
  CHECK_EQ(uv_timer_init(&loop, &r), 0);
  CHECK_EQ(uv_timer_again(&r), UV_EINVAL);
  CHECK_EQ(uv_timer_start(&r, NULL, 1, 1), UV_EINVAL);
  CHECK_EQ(uv_timer_start(&r, repeat_cb, 1, 5), 0);
  CHECK_EQ(uv_timer_get_repeat(&r), 5);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(repeats, 3);

  /* uv_timer_again restarts with the repeat interval; set_repeat changes it. */
  repeats = 0;
  uv_timer_set_repeat(&r, 2);
  CHECK_EQ(uv_timer_get_repeat(&r), 2);
  CHECK_EQ(uv_timer_again(&r), 0);
  CHECK(uv_is_active((uv_handle_t *)&r));
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(repeats, 3);

  /* A stopped timer does not fire; restarting a running one moves it. */
  norder = 0;
  CHECK_EQ(uv_timer_start(&t[0], record, 1000, 0), 0);
  CHECK_EQ(uv_timer_start(&t[0], record, 1, 0), 0);
  CHECK_EQ(uv_timer_start(&t[1], record, 1, 0), 0);
  CHECK_EQ(uv_timer_stop(&t[1]), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(norder, 1);
  CHECK_EQ(order[0], 'c');

  for (int i = 0; i < 4; i++) uv_close((uv_handle_t *)&t[i], on_close);
  uv_close((uv_handle_t *)&r, on_close);
  CHECK(uv_is_closing((uv_handle_t *)&r));
  CHECK_EQ(uv_timer_start(&r, repeat_cb, 1, 0), UV_EINVAL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(closed, 5);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
