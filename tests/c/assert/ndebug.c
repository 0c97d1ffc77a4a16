/* assert.h can be included again with NDEBUG to turn assert off, and
 * again without it to turn it back on. */
#define NDEBUG
#include <assert.h>

#include "test.h"

static int evaluated;

static int side_effect(void) {
  evaluated++;
  return 0;
}

static int off(void) {
  assert(side_effect());
  return evaluated;
}

#undef NDEBUG
#include <assert.h>

static int on(void) {
  assert(side_effect() == 0);
  return evaluated;
}

int main(void) {
  CHECK_EQ(off(), 0);
  CHECK_EQ(on(), 1);
  return test_summary();
}
