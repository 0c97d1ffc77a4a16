/* POSIX getopt over several argument vectors: grouped options, attached
 * and separate arguments, "--", "-", operands stopping the scan, errors
 * with and without a leading ':', GNU "::" and a leading '-', and a
 * restart with optind = 0. */
#include "test.h"
#include <unistd.h>

#define ARGC(v) ((int)(sizeof(v) / sizeof((v)[0])) - 1)

static void restart(void) {
  optind = 0;
  opterr = 0;
}

int main(void) {
  CHECK_EQ(optind, 1);
  CHECK_EQ(opterr, 1);

  char *v1[] = {"prog", "-a", "-b", "val", "-cfoo", "file", "-a", NULL};
  CHECK_EQ(getopt(ARGC(v1), v1, "ab:c:"), 'a');
  CHECK(optarg == NULL);
  CHECK_EQ(getopt(ARGC(v1), v1, "ab:c:"), 'b');
  CHECK_STR(optarg, "val");
  CHECK_EQ(getopt(ARGC(v1), v1, "ab:c:"), 'c');
  CHECK_STR(optarg, "foo");
  CHECK_EQ(getopt(ARGC(v1), v1, "ab:c:"), -1);
  CHECK_EQ(optind, 5);
  CHECK_STR(v1[5], "file");

  restart();
  char *v2[] = {"prog", "-ab", "x", "-c", NULL};
  CHECK_EQ(getopt(ARGC(v2), v2, "ab:c"), 'a');
  CHECK_EQ(optind, 1);
  CHECK_EQ(getopt(ARGC(v2), v2, "ab:c"), 'b');
  CHECK_STR(optarg, "x");
  CHECK_EQ(optind, 3);
  CHECK_EQ(getopt(ARGC(v2), v2, "ab:c"), 'c');
  CHECK_EQ(getopt(ARGC(v2), v2, "ab:c"), -1);
  CHECK_EQ(optind, 4);

  restart();
  char *v3[] = {"prog", "-a", "--", "-b", NULL};
  CHECK_EQ(getopt(ARGC(v3), v3, "ab"), 'a');
  CHECK_EQ(getopt(ARGC(v3), v3, "ab"), -1);
  CHECK_EQ(optind, 3);

  restart();
  char *v4[] = {"prog", "-", "-a", NULL};
  CHECK_EQ(getopt(ARGC(v4), v4, "a"), -1);
  CHECK_EQ(optind, 1);

  restart();
  char *v5[] = {"prog", "file", "-a", NULL};
  CHECK_EQ(getopt(ARGC(v5), v5, "a"), -1);
  CHECK_EQ(optind, 1);
  CHECK_STR(v5[1], "file");

  restart();
  char *v6[] = {"prog", "-xa", "-:", NULL};
  CHECK_EQ(getopt(ARGC(v6), v6, "a"), '?');
  CHECK_EQ(optopt, 'x');
  CHECK_EQ(getopt(ARGC(v6), v6, "a"), 'a');
  CHECK_EQ(getopt(ARGC(v6), v6, "a:"), '?');
  CHECK_EQ(optopt, ':');
  CHECK_EQ(getopt(ARGC(v6), v6, "a"), -1);

  restart();
  char *v7[] = {"prog", "-b", NULL};
  CHECK_EQ(getopt(ARGC(v7), v7, "b:"), '?');
  CHECK_EQ(optopt, 'b');
  CHECK_EQ(optind, 3);
  restart();
  CHECK_EQ(getopt(ARGC(v7), v7, ":b:"), ':');
  CHECK_EQ(optopt, 'b');

  restart();
  char *v8[] = {"prog", "x", "-a", "y", NULL};
  CHECK_EQ(getopt(ARGC(v8), v8, "-a"), 1);
  CHECK_STR(optarg, "x");
  CHECK_EQ(getopt(ARGC(v8), v8, "-a"), 'a');
  CHECK_EQ(getopt(ARGC(v8), v8, "-a"), 1);
  CHECK_STR(optarg, "y");
  CHECK_EQ(getopt(ARGC(v8), v8, "-a"), -1);
  CHECK_EQ(optind, 4);

  restart();
  char *v9[] = {"prog", "-cval", "-c", "next", NULL};
  CHECK_EQ(getopt(ARGC(v9), v9, "c::"), 'c');
  CHECK_STR(optarg, "val");
  CHECK_EQ(getopt(ARGC(v9), v9, "c::"), 'c');
  CHECK(optarg == NULL);
  CHECK_EQ(getopt(ARGC(v9), v9, "c::"), -1);
  CHECK_EQ(optind, 3);

  restart();
  char *v10[] = {"prog", "-a", NULL};
  CHECK_EQ(getopt(ARGC(v10), v10, "+a"), 'a');
  CHECK_EQ(getopt(ARGC(v10), v10, "+a"), -1);
  optreset = 1;
  optind = 1;
  CHECK_EQ(getopt(ARGC(v10), v10, "a"), 'a');

  /* With opterr set, errors are reported on stderr (see getopt.stderr). */
  restart();
  opterr = 1;
  char *v11[] = {"prog", "-z", NULL};
  CHECK_EQ(getopt(ARGC(v11), v11, "a"), '?');
  return test_summary();
}
