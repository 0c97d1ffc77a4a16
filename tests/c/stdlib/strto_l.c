/* The _l number parsers behave as the plain ones in every locale. */
#include "test.h"
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <stdatomic.h>
#include <stdlib.h>

void atomic_thread_fence(memory_order);

int main(void) {
  locale_t l = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
  CHECK(l != (locale_t)0);
  char *end;
  CHECK_EQ(strtol_l("  -42x", &end, 10, l), -42);
  CHECK_EQ(*end, 'x');
  CHECK_EQ(strtoull_l("ff", NULL, 16, l), 255);
  CHECK_EQ(strtoimax_l("-9223372036854775808", NULL, 10, l), INT64_MIN);
  CHECK(strtod_l("2.5e3", NULL, l) == 2500.0);
  CHECK(strtof_l("0.5", NULL, l) == 0.5f);
  CHECK(strtold_l("1.25", &end, l) == 1.25L);
  CHECK_EQ(*end, '\0');
  errno = 0;
  CHECK_EQ(strtol_l("99999999999999999999", NULL, 10, l), LONG_MAX);
  CHECK_EQ(errno, ERANGE);
  freelocale(l);
  atomic_flag f = ATOMIC_FLAG_INIT;
  CHECK(!atomic_flag_test_and_set(&f));
  CHECK(atomic_flag_test_and_set(&f));
  atomic_flag_clear(&f);
  CHECK(!atomic_flag_test_and_set_explicit(&f, memory_order_relaxed));
  (atomic_thread_fence)(memory_order_seq_cst);
  return test_summary();
}
