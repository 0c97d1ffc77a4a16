/* socketcall(2) through the 32-bit entry point. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  long args[3] = {L_AF_INET, L_SOCK_STREAM, 0};
  return sys_int80(102, 1, (long)args, 0);
}
