/* gcc's <stddef.h> defines guard macros (such as `__size_t`) that must not
 * break our headers when it is included first. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <wchar.h>

int main(void) {
  size_t n = strlen("four");
  fd_set s;
  FD_ZERO(&s);
  return n == 4 && offsetof(struct timeval, tv_sec) == 0 ? 0 : 1;
}
