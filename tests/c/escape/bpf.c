/* bpf(2). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  char attr[128] = {0};
  return sys(NR_bpf, 0, attr, sizeof(attr));
}
