/* psignal prefixes the description with the caller's text. */
#include <signal.h>
#include <stddef.h>

int main(void) {
  psignal(SIGTERM, "worker");
  psignal(SIGINT, NULL);
  return 0;
}
