/* Opening the outside file by a handle the test made for it (name_to_handle_at). */
#define RAW_ONLY
#include "escape.h"

static long via_raw(char **arg) {
  /* EXTRA is TYPE:HEX, the handle's type and bytes. */
  struct {
    uint32_t bytes;
    int32_t type;
    unsigned char data[128];
  } h;
  const char *s = arg[1];
  h.type = (int32_t)number(s);
  while (*s != ':') s++;
  s++;
  h.bytes = 0;
  for (; s[0] != 0 && s[1] != 0 && h.bytes < sizeof(h.data); s += 2) {
    int hi = s[0] <= '9' ? s[0] - '0' : s[0] - 'a' + 10;
    int lo = s[1] <= '9' ? s[1] - '0' : s[1] - 'a' + 10;
    h.data[h.bytes++] = (unsigned char)(hi * 16 + lo);
  }
  return sys(NR_open_by_handle_at, GRANT, &h, L_O_RDONLY);
}
