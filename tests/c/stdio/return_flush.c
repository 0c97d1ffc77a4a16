/* Returning from main flushes stdout like exit() does. */
#include <stdio.h>

int main(void) {
  for (int i = 0; i < 3; i++) printf("line %d\n", i);
  printf("%s", "tail");
  return 0;
}
