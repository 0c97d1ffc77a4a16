/* strsignal and strsignal_l: CloudABI's signal numbers (SIGABRT is 1,
 * SIGXFSZ 26) and the unknown-number text. */
#include <string.h>

#include "test.h"

int main(void) {
  CHECK_STR(strsignal(1), "Aborted");
  CHECK_STR(strsignal(9), "Interrupt");
  CHECK_STR(strsignal(10), "Killed");
  CHECK_STR(strsignal(13), "Segmentation fault");
  CHECK_STR(strsignal(16), "Terminated");
  CHECK_STR(strsignal(26), "File size limit exceeded");
  CHECK_STR(strsignal(0), "Unknown signal: 0");
  CHECK_STR(strsignal(27), "Unknown signal: 27");
  CHECK_STR(strsignal(-3), "Unknown signal: -3");
  CHECK_STR(strsignal_l(7, NULL), "Hangup");
  /* strerror and strsignal keep separate buffers. */
  const char *e = strerror(1000), *s = strsignal(1000);
  CHECK_STR(e, "Unknown error: 1000");
  CHECK_STR(s, "Unknown signal: 1000");
  return test_summary();
}
