/* Raising the program's own scheduling priority (niceness -20): only
 * giving up CPU time is allowed. */
#include "escape.h"
#include <sys/resource.h>

static long via_libc(char **arg) {
  (void)arg;
  return setpriority(PRIO_PROCESS, 0, -20);
}

static long via_raw(char **arg) {
  (void)arg;
  return sys(NR_setpriority, 0 /* PRIO_PROCESS */, 0, -20);
}
