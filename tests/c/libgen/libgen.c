/* basename and dirname: POSIX's examples, repeated and trailing slashes. */
#include <libgen.h>
#include <stddef.h>
#include <string.h>

#include "test.h"

static const char *base(const char *in) {
  static char buf[64];
  strcpy(buf, in);
  return basename(buf);
}

static const char *dir(const char *in) {
  static char buf[64];
  strcpy(buf, in);
  return dirname(buf);
}

int main(void) {
  CHECK_STR(basename(NULL), ".");
  CHECK_STR(base(""), ".");
  CHECK_STR(base("/usr/lib"), "lib");
  CHECK_STR(base("/usr/"), "usr");
  CHECK_STR(base("/"), "/");
  CHECK_STR(base("//"), "/");
  CHECK_STR(base("///"), "/");
  CHECK_STR(base("//usr//lib//"), "lib");
  CHECK_STR(base("foo/"), "foo");
  CHECK_STR(base("foo"), "foo");
  CHECK_STR(base("."), ".");
  CHECK_STR(base(".."), "..");
  CHECK_STR(base("a///b"), "b");

  CHECK_STR(dirname(NULL), ".");
  CHECK_STR(dir(""), ".");
  CHECK_STR(dir("/usr/lib"), "/usr");
  CHECK_STR(dir("/usr/"), "/");
  CHECK_STR(dir("usr"), ".");
  CHECK_STR(dir("usr/"), ".");
  CHECK_STR(dir("/"), "/");
  CHECK_STR(dir("//"), "/");
  CHECK_STR(dir("///"), "/");
  CHECK_STR(dir("//foo"), "/");
  CHECK_STR(dir("/usr//lib//"), "/usr");
  CHECK_STR(dir("//a//b//"), "//a");
  CHECK_STR(dir("a///b"), "a");
  CHECK_STR(dir("."), ".");
  CHECK_STR(dir(".."), ".");
  CHECK_STR(dir("../x"), "..");

  /* The result is a part of the argument, modified in place. */
  char path[] = "/tmp/dir/file";
  CHECK(dirname(path) == path);
  CHECK_STR(path, "/tmp/dir");
  char path2[] = "/tmp/dir/";
  char *b = basename(path2);
  CHECK(b == path2 + 5);
  CHECK_STR(b, "dir");
  return test_summary();
}
