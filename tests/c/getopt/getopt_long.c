/* GNU getopt_long and getopt_long_only: exact and prefix matches,
 * ambiguity, argument rules, flags and longindex, permutation of operands
 * (off with '+' or POSIXLY_CORRECT). */
#include "test.h"
#include <getopt.h>
#include <stdlib.h>

#define ARGC(v) ((int)(sizeof(v) / sizeof((v)[0])) - 1)

static int flag;
static const struct option opts[] = {
    {"verbose", no_argument, &flag, 7},
    {"version", no_argument, NULL, 'V'},
    {"output", required_argument, NULL, 'o'},
    {"color", optional_argument, NULL, 'C'},
    {NULL, 0, NULL, 0},
};

static void restart(void) {
  optind = 0;
  opterr = 0;
}

int main(void) {
  int idx = -1;
  char *v1[] = {"prog", "in1", "--verbose", "-o", "out", "in2", "--output=x", "--col", "--color=always", "--", "-z", NULL};
  restart();
  CHECK_EQ(getopt_long(ARGC(v1), v1, "o:", opts, &idx), 0);
  CHECK_EQ(flag, 7);
  CHECK_EQ(idx, 0);
  CHECK_EQ(getopt_long(ARGC(v1), v1, "o:", opts, &idx), 'o');
  CHECK_STR(optarg, "out");
  CHECK_EQ(getopt_long(ARGC(v1), v1, "o:", opts, &idx), 'o');
  CHECK_STR(optarg, "x");
  CHECK_EQ(idx, 2);
  CHECK_EQ(getopt_long(ARGC(v1), v1, "o:", opts, &idx), 'C');
  CHECK(optarg == NULL);
  CHECK_EQ(getopt_long(ARGC(v1), v1, "o:", opts, &idx), 'C');
  CHECK_STR(optarg, "always");
  CHECK_EQ(getopt_long(ARGC(v1), v1, "o:", opts, &idx), -1);
  CHECK_EQ(optind, 8);
  CHECK_STR(v1[7], "--");
  CHECK_STR(v1[8], "in1");
  CHECK_STR(v1[9], "in2");
  CHECK_STR(v1[10], "-z");

  char *v2[] = {"prog", "--ver", "--verb", "--nope", "--verbose=1", "--vers", "--output", NULL};
  restart();
  CHECK_EQ(getopt_long(ARGC(v2), v2, "", opts, NULL), '?');
  CHECK_EQ(optind, 2);
  CHECK_EQ(getopt_long(ARGC(v2), v2, "", opts, NULL), 0);
  CHECK_EQ(getopt_long(ARGC(v2), v2, "", opts, NULL), '?');
  CHECK_EQ(optopt, 0);
  CHECK_EQ(getopt_long(ARGC(v2), v2, "", opts, NULL), '?');
  CHECK_EQ(optopt, 7);
  CHECK_EQ(getopt_long(ARGC(v2), v2, "", opts, &idx), 'V');
  CHECK_EQ(idx, 1);
  CHECK_EQ(getopt_long(ARGC(v2), v2, "", opts, NULL), '?');
  CHECK_EQ(optopt, 'o');
  restart();
  optind = 6;
  CHECK_EQ(getopt_long(ARGC(v2), v2, ":", opts, NULL), ':');

  char *v3[] = {"prog", "in", "--version", NULL};
  restart();
  CHECK_EQ(getopt_long(ARGC(v3), v3, "+", opts, NULL), -1);
  CHECK_EQ(optind, 1);
  setenv("POSIXLY_CORRECT", "1", 1);
  restart();
  CHECK_EQ(getopt_long(ARGC(v3), v3, "", opts, NULL), -1);
  CHECK_EQ(optind, 1);
  unsetenv("POSIXLY_CORRECT");
  restart();
  CHECK_EQ(getopt_long(ARGC(v3), v3, "", opts, NULL), 'V');
  CHECK_EQ(getopt_long(ARGC(v3), v3, "", opts, NULL), -1);
  CHECK_EQ(optind, 2);
  CHECK_STR(v3[2], "in");

  char *v4[] = {"prog", "-verbose", "-o", "f", "-vo", "g", "-output=h", NULL};
  restart();
  flag = 0;
  CHECK_EQ(getopt_long_only(ARGC(v4), v4, "vo:", opts, NULL), 0);
  CHECK_EQ(flag, 7);
  CHECK_EQ(getopt_long_only(ARGC(v4), v4, "vo:", opts, NULL), 'o');
  CHECK_STR(optarg, "f");
  CHECK_EQ(getopt_long_only(ARGC(v4), v4, "vo:", opts, NULL), 'v');
  CHECK_EQ(getopt_long_only(ARGC(v4), v4, "vo:", opts, NULL), 'o');
  CHECK_STR(optarg, "g");
  CHECK_EQ(getopt_long_only(ARGC(v4), v4, "vo:", opts, NULL), 'o');
  CHECK_STR(optarg, "h");
  CHECK_EQ(getopt_long_only(ARGC(v4), v4, "vo:", opts, NULL), -1);

  restart();
  opterr = 1;
  char *v5[] = {"prog", "--output", NULL};
  CHECK_EQ(getopt_long(ARGC(v5), v5, "", opts, NULL), '?');
  return test_summary();
}
