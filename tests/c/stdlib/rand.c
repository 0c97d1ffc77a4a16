/* rand, srand, rand_r, random, srandom, initstate, setstate, the drand48
 * family and arc4random. */
#include <stdint.h>
#include <stdlib.h>

#include "test.h"

int main(void) {
  /* Unseeded: in range. */
  for (int i = 0; i < 100; i++) {
    int r = rand();
    CHECK(r >= 0 && r <= RAND_MAX);
    long l = random();
    CHECK(l >= 0 && l <= 0x7fffffff);
  }

  /* srand makes rand repeatable. */
  int first[5];
  srand(42);
  for (int i = 0; i < 5; i++)
    first[i] = rand();
  srand(42);
  for (int i = 0; i < 5; i++)
    CHECK_EQ(rand(), first[i]);
  srand(43);
  CHECK(rand() != first[0]);

  unsigned s1 = 9, s2 = 9;
  for (int i = 0; i < 5; i++)
    CHECK_EQ(rand_r(&s1), rand_r(&s2));

  /* initstate and setstate switch between independent states. */
  static char a[64], b[64];
  srandom(1);
  long x1 = random();
  char *prev = initstate(7, a, sizeof(a));
  CHECK(prev != NULL);
  long a1 = random();
  initstate(8, b, sizeof(b));
  long b1 = random();
  setstate(a);
  long a2 = random();
  initstate(7, a, sizeof(a));
  CHECK_EQ(random(), a1);
  CHECK_EQ(random(), a2);
  initstate(8, b, sizeof(b));
  CHECK_EQ(random(), b1);
  setstate(prev);
  srandom(1);
  CHECK_EQ(random(), x1);
  errno = 0;
  CHECK(initstate(1, a, 4) == NULL);
  CHECK_EQ(errno, EINVAL);

  /* The 48-bit generators follow POSIX's recurrence (values from glibc). */
  unsigned short xs[3] = {0x330e, 0x1234, 0x5678};
  CHECK_EQ(nrand48(xs), 1586687360);
  CHECK_EQ(jrand48(xs), 1265570517);
  double e = erand48(xs);
  CHECK(e >= 0.0 && e < 1.0);
  srand48(12345);
  long l1 = lrand48();
  long m1 = mrand48();
  double d1 = drand48();
  srand48(12345);
  CHECK_EQ(lrand48(), l1);
  CHECK_EQ(mrand48(), m1);
  CHECK(drand48() == d1);
  CHECK_EQ(l1, 483889296);
  unsigned short seed[3] = {1, 2, 3};
  unsigned short *old = seed48(seed);
  CHECK(old != NULL);
  unsigned short param[7] = {1, 0, 0, 2, 0, 0, 3};
  lcong48(param);
  /* X = 2 * 1 + 3 = 5; nrand48-style output is X >> 17 = 0. */
  CHECK_EQ(lrand48(), 0);

  /* arc4random. */
  uint32_t u = arc4random(), v = arc4random();
  CHECK(u != v || arc4random() != u);
  for (int i = 0; i < 1000; i++)
    CHECK(arc4random_uniform(10) < 10);
  CHECK_EQ(arc4random_uniform(1), 0);
  unsigned char buf[1000] = {0};
  arc4random_buf(buf, sizeof(buf));
  int nonzero = 0;
  for (int i = 0; i < 1000; i++)
    nonzero += buf[i] != 0;
  CHECK(nonzero > 900);
  return test_summary();
}
