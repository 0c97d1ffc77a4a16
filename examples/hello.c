/* A C program that knows nothing of CloudABI: it writes to its standard
 * output and tries to escape its sandbox through the working directory. */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  const char *who = argc > 1 ? argv[1] : "world";
  write(STDOUT_FILENO, "hello, ", 7);
  write(STDOUT_FILENO, who, strlen(who));
  write(STDOUT_FILENO, "\n", 1);
  return 0;
}
