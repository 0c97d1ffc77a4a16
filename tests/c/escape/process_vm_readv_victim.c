/* Reading another process's memory (EXTRA: its pid). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  char buf[8];
  struct l_iovec local = {buf, sizeof(buf)}, remote = {(void *)0x400000, sizeof(buf)};
  return sys6(NR_process_vm_readv, number(arg[1]), (long)&local, 1, (long)&remote, 1, 0);
}
