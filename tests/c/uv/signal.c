/* Signal handles see the signals the program raises itself: the callback
 * runs from the loop, once per signal; oneshot handles stop after one;
 * stopping the last handle restores the previous disposition. */
#include "test.h"
#include <signal.h>
#include <uv.h>

static int usr1, usr2, plain;
static void on_usr1(uv_signal_t *h, int sig) {
  CHECK_EQ(sig, SIGUSR1);
  CHECK_EQ(h->signum, SIGUSR1);
  usr1++;
}
static void on_usr2(uv_signal_t *h, int sig) {
  (void)h;
  CHECK_EQ(sig, SIGUSR2);
  usr2++;
}
static void plain_handler(int sig) {
  (void)sig;
  plain++;
}

static uv_signal_t s1, s1b, s2;
static void raise_later(uv_timer_t *t) {
  raise(SIGUSR1);
  raise(SIGUSR2);
  raise(SIGUSR2);
  uv_close((uv_handle_t *)t, NULL);
}

int main(void) {
  uv_loop_t loop;
  CHECK_EQ(uv_loop_init(&loop), 0);
  signal(SIGUSR1, plain_handler);
  CHECK_EQ(uv_signal_init(&loop, &s1), 0);
  CHECK_EQ(uv_signal_init(&loop, &s1b), 0);
  CHECK_EQ(uv_signal_init(&loop, &s2), 0);
  CHECK_EQ(uv_signal_start(&s1, on_usr1, 0), UV_EINVAL);
  CHECK_EQ(uv_signal_start(&s1, on_usr1, SIGKILL), UV_EINVAL);
  CHECK_EQ(uv_signal_start(&s1, on_usr1, SIGUSR1), 0);
  CHECK_EQ(uv_signal_start(&s1b, on_usr1, SIGUSR1), 0);
  CHECK_EQ(uv_signal_start_oneshot(&s2, on_usr2, SIGUSR2), 0);
  CHECK(uv_is_active((uv_handle_t *)&s1));

  /* Raised inside a callback: reported from the same run. */
  uv_timer_t t;
  CHECK_EQ(uv_timer_init(&loop, &t), 0);
  CHECK_EQ(uv_timer_start(&t, raise_later, 1, 0), 0);
  uv_unref((uv_handle_t *)&s1);
  uv_unref((uv_handle_t *)&s1b);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(usr1, 2);
  CHECK_EQ(usr2, 1);
  CHECK_EQ(plain, 0);
  CHECK(!uv_is_active((uv_handle_t *)&s2));

  /* Raised outside: the next run reports it, once per signal (referenced
   * handles now, so that the run happens at all). */
  uv_ref((uv_handle_t *)&s1);
  uv_ref((uv_handle_t *)&s1b);
  raise(SIGUSR1);
  raise(SIGUSR1);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK_EQ(usr1, 6);

  /* After the last handle stops, the old handler is back. */
  CHECK_EQ(uv_signal_stop(&s1), 0);
  raise(SIGUSR1);
  CHECK_EQ(plain, 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_NOWAIT), 1);
  CHECK_EQ(usr1, 7);
  uv_close((uv_handle_t *)&s1b, NULL);
  raise(SIGUSR1);
  CHECK_EQ(plain, 1);
  CHECK_EQ(usr1, 7);

  uv_close((uv_handle_t *)&s1, NULL);
  uv_close((uv_handle_t *)&s2, NULL);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
