/* backtrace_symbols names frames by address; backtrace finds frames only
 * when the program links an unwinder (tests/tests/unwind.rs builds this
 * file with -DWITH_UNWINDER, -Wl,--eh-frame-hdr and libgcc_eh). */
#include "test.h"
#include <execinfo.h>
#include <stdlib.h>

static size_t depth;
static void *frames[16];

__attribute__((noinline)) static void inner(void) {
  depth = backtrace(frames, 16);
  __asm__ volatile("");
}

__attribute__((noinline)) static void outer(void) {
  inner();
  __asm__ volatile("");
}

int main(void) {
  outer();
#ifdef WITH_UNWINDER
  CHECK(depth >= 3);
  for (size_t i = 0; i < depth && i < 3; i++) CHECK(frames[i] != NULL);
  CHECK(frames[0] >= (void *)inner && frames[0] < (void *)((char *)inner + 64));
  CHECK(frames[1] >= (void *)outer && frames[1] < (void *)((char *)outer + 64));
  CHECK(frames[2] >= (void *)main && frames[2] < (void *)((char *)main + 256));
  void *two[2];
  CHECK_EQ(backtrace(two, 2), 2);
  CHECK_EQ(backtrace(two, 0), 0);
#else
  CHECK_EQ(depth, 0);
#endif

  void *addrs[3] = {(void *)0x401a2f, NULL, (void *)~0ul};
  char **names = backtrace_symbols(addrs, 3);
  CHECK(names != NULL);
  CHECK_STR(names[0], "[0x401a2f]");
  CHECK_STR(names[1], "[0x0]");
  CHECK_STR(names[2], "[0xffffffffffffffff]");
  free(names);
  backtrace_symbols_fd(addrs, 2, 1);
  return test_summary();
}
