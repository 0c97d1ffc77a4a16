/* ctermid is empty (no controlling terminal); tmpnam and tempnam give
 * fresh names in a granted directory, or fail when none is granted. This
 * configuration grants the test directory as /tmp and as /sandbox. The
 * functions are declared here: they belong to <stdio.h>. */
#include "test.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

char *ctermid(char *);
char *tmpnam(char *);
char *tempnam(const char *, const char *);

static int starts_with(const char *s, const char *p) {
  while (*p != '\0')
    if (*s++ != *p++) return 0;
  return 1;
}

int main(void) {
  char term[9] = "junk";
  CHECK(ctermid(term) == term);
  CHECK_STR(term, "");
  CHECK_STR(ctermid(NULL), "");

  char a[20], b[20];
  CHECK(tmpnam(a) == a);
  CHECK(starts_with(a, "/tmp/tmp"));
  CHECK_EQ(strlen(a), 14);
  CHECK(tmpnam(b) == b);
  CHECK(strcmp(a, b) != 0);
  struct stat st;
  CHECK_ERRNO(stat(a, &st), ENOENT);
  int fd = open(a, O_WRONLY | O_CREAT | O_EXCL, 0600);
  CHECK(fd >= 0);
  close(fd);
  char *s = tmpnam(NULL);
  CHECK(s != NULL && starts_with(s, "/tmp/tmp") && strcmp(s, a) != 0);

  unsetenv("TMPDIR");
  char *t = tempnam("/sandbox", "abcdefg");
  CHECK(t != NULL && starts_with(t, "/sandbox/abcde") && strlen(t) == strlen("/sandbox/abcde") + 6);
  free(t);
  t = tempnam("/nowhere", NULL);
  CHECK(t != NULL && starts_with(t, "/tmp/tmp"));
  free(t);
  setenv("TMPDIR", "/sandbox/", 1);
  t = tempnam("/tmp", "x");
  CHECK(t != NULL && starts_with(t, "/sandbox/x"));
  free(t);
  return test_summary();
}
