/* setjmp, longjmp, sigsetjmp, siglongjmp, _setjmp, _longjmp: jumps across
 * several frames restore the callee-saved registers and the stack, and
 * keep volatile locals. */
#include <setjmp.h>

#include "test.h"

static jmp_buf env;
static int depth_reached;

__attribute__((noinline)) static void dive(int depth, int value) {
  volatile char pad[256];
  if (depth < 0)
    return;
  pad[0] = (char)depth;
  depth_reached = depth + pad[0] - pad[0];
  if (depth == 0)
    longjmp(env, value);
  dive(depth - 1, value);
}

/* Clobbers every callee-saved register, then jumps: its epilogue, which
 * would restore them, never runs, so longjmp must. */
__attribute__((noinline)) static void scribble_and_jump(void) {
  __asm__ volatile(
      "mov $1, %%rbx\n mov $1, %%r12\n mov $1, %%r13\n"
      "mov $1, %%r14\n mov $1, %%r15\n" ::: "rbx", "r12", "r13", "r14",
      "r15");
  longjmp(env, 1);
}

__attribute__((noinline)) static void middle(void) {
  if (setjmp(env) == 0)
    scribble_and_jump();
}

/* Keeps values in callee-saved registers across a call whose callee
 * jumps internally. */
__attribute__((noinline)) static long registers_survive(void) {
  register long a __asm__("rbx") = 11;
  register long b __asm__("r12") = 13;
  register long c __asm__("r13") = 17;
  register long d __asm__("r14") = 19;
  register long e __asm__("r15") = 23;
  __asm__ volatile("" : "+r"(a), "+r"(b), "+r"(c), "+r"(d), "+r"(e));
  middle();
  __asm__ volatile("" : "+r"(a), "+r"(b), "+r"(c), "+r"(d), "+r"(e));
  return a + b + c + d + e;
}

static int counter_after_jumps(void) {
  volatile int counter = 0;
  int r = setjmp(env);
  counter++;
  if (r < 3)
    dive(3, r + 1);
  return counter;
}

int main(void) {
  volatile int local = 1;
  int r = setjmp(env);
  if (r == 0) {
    local = 2;
    dive(10, 42);
  }
  CHECK_EQ(r, 42);
  CHECK_EQ(local, 2);
  CHECK_EQ(depth_reached, 0);

  /* longjmp(env, 0) makes setjmp return 1. */
  r = setjmp(env);
  if (r == 0)
    dive(2, 0);
  CHECK_EQ(r, 1);

  CHECK_EQ(registers_survive(), 11 + 13 + 17 + 19 + 23);
  CHECK_EQ(counter_after_jumps(), 4);

  sigjmp_buf senv;
  volatile int tries = 0;
  r = sigsetjmp(senv, 1);
  tries++;
  if (r == 0)
    siglongjmp(senv, 7);
  CHECK_EQ(r, 7);
  CHECK_EQ(tries, 2);
  CHECK_EQ(senv[0].__savemask, 1);

  r = _setjmp(env);
  if (r == 0)
    _longjmp(env, 5);
  CHECK_EQ(r, 5);
  CHECK_EQ(env[0].__savemask, 0);
  return test_summary();
}
