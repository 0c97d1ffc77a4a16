/* Minimal assertions for the C tests. Self-contained: reports through
 * write(2) only, so it works before stdio exists and cannot mask a stdio bug.
 * A test program calls CHECK* any number of times and ends with
 * `return test_summary();`, which prints "N passed, M failed" and returns
 * non-zero when anything failed. */
#ifndef CLOUDLIBC_TEST_H
#define CLOUDLIBC_TEST_H

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* The writable directory the default test configuration grants. */
#define TEST_DIR_FD 3

#define TEST_UNUSED __attribute__((unused))

static int test_passed, test_failed;

TEST_UNUSED static void test_out(const char *s) { write(2, s, strlen(s)); }

TEST_UNUSED static int test_streq(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) {
    a++;
    b++;
  }
  return *a == *b;
}

TEST_UNUSED static void test_num(long long v) {
  char buf[24];
  int i = sizeof(buf);
  unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
  do {
    buf[--i] = '0' + u % 10;
    u /= 10;
  } while (u != 0);
  if (v < 0) buf[--i] = '-';
  write(2, buf + i, sizeof(buf) - i);
}

TEST_UNUSED static void test_fail_head(const char *file, int line, const char *expr) {
  test_failed++;
  test_out(file);
  test_out(":");
  test_num(line);
  test_out(": ");
  test_out(expr);
}

#define CHECK(cond)                                              \
  do {                                                           \
    if (cond) {                                                  \
      test_passed++;                                             \
    } else {                                                     \
      test_fail_head(__FILE__, __LINE__, "CHECK(" #cond ")\n");  \
    }                                                            \
  } while (0)

#define CHECK_EQ(actual, expected)                                       \
  do {                                                                   \
    long long test_a_ = (long long)(actual);                             \
    long long test_e_ = (long long)(expected);                           \
    if (test_a_ == test_e_) {                                            \
      test_passed++;                                                     \
    } else {                                                             \
      test_fail_head(__FILE__, __LINE__, #actual " == " #expected ": got "); \
      test_num(test_a_);                                                 \
      test_out(", expected ");                                           \
      test_num(test_e_);                                                 \
      test_out("\n");                                                    \
    }                                                                    \
  } while (0)

#define CHECK_STR(actual, expected)                                        \
  do {                                                                     \
    const char *test_a_ = (actual);                                        \
    const char *test_e_ = (expected);                                      \
    if (test_a_ != NULL && test_streq(test_a_, test_e_)) {                  \
      test_passed++;                                                       \
    } else {                                                               \
      test_fail_head(__FILE__, __LINE__, #actual " == " #expected ": got \""); \
      test_out(test_a_ != NULL ? test_a_ : "(null)");                      \
      test_out("\", expected \"");                                         \
      test_out(test_e_);                                                   \
      test_out("\"\n");                                                    \
    }                                                                      \
  } while (0)

/* A call that must fail with -1 (or NULL) and the given errno. */
#define CHECK_ERRNO(call, err)         \
  do {                                 \
    errno = 0;                         \
    long long test_r_ = (long long)(call); \
    CHECK_EQ(test_r_, -1);             \
    CHECK_EQ(errno, err);              \
  } while (0)

TEST_UNUSED static int test_summary(void) {
  test_num(test_passed);
  test_out(" passed, ");
  test_num(test_failed);
  test_out(" failed\n");
  return test_failed != 0;
}

#endif
