/* The default program_main builds argv and the environment from argdata. */
#include "test.h"
#include <stdlib.h>

int main(int argc, char **argv, char **envp) {
  CHECK_EQ(argc, 3);
  CHECK_STR(argv[0], "program");
  CHECK_STR(argv[1], "one");
  CHECK_STR(argv[2], "two");
  CHECK(argv[3] == NULL);
  CHECK_STR(getenv("TEST_VAR"), "value");
  CHECK(getenv("HOME") == NULL);
  CHECK(envp == environ);
  CHECK_STR(envp[0], "TEST_VAR=value");
  CHECK(envp[1] == NULL);
  return test_summary();
}
