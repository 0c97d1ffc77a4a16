/* strdup and strndup make terminated copies in memory from malloc. */
#include <stdlib.h>
#include <string.h>

#include "test.h"

/* A bound beyond the string is part of what this tests. */
#pragma GCC diagnostic ignored "-Wstringop-overread"

int main(void) {
  const char *s = "duplicate me";
  char *d = strdup(s);
  CHECK(d != NULL && d != s);
  CHECK_STR(d, s);
  free(d);
  d = strdup("");
  CHECK_STR(d, "");
  free(d);
  d = strndup(s, 9);
  CHECK_STR(d, "duplicate");
  free(d);
  d = strndup(s, 100);
  CHECK_STR(d, s);
  free(d);
  d = strndup(s, 0);
  CHECK_STR(d, "");
  free(d);
  /* strndup reads no further than n bytes. */
  char nonul[3] = {'x', 'y', 'z'};
  d = strndup(nonul, 3);
  CHECK_STR(d, "xyz");
  free(d);
  char big[5000];
  memset(big, 'q', sizeof(big) - 1);
  big[sizeof(big) - 1] = '\0';
  d = strdup(big);
  CHECK(d != NULL && strcmp(d, big) == 0);
  free(d);
  return test_summary();
}
