/* Throughput of one math function: `bench NAME` calls it 2*10^7 times on
 * 1024 prepared arguments spread over its usual range and exits; run.sh
 * times the whole process. Uses no stdio or string functions, so it builds against any libc. */
#include <math.h>

#define CALLS 20000000
#define SPREAD 1024

static double args[SPREAD], args2[SPREAD];
static volatile double sink;

static int same(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) {
    a++;
    b++;
  }
  return *a == *b;
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  const char *f = argv[1];
  for (int i = 0; i < SPREAD; i++) {
    double t = (i + 0.5) / SPREAD;
    args[i] = same(f, "exp") ? -700 + 1400 * t : same(f, "log") ? 1e-300 * (1 + i) + t * 1e3 : same(f, "sin") ? -1e3 + 2e3 * t : 0.1 + 10 * t;
    args2[i] = -50 + 100 * t;
  }
  double acc = 0;
  if (same(f, "exp")) {
    for (int i = 0; i < CALLS; i++) acc += exp(args[i % SPREAD]);
  } else if (same(f, "log")) {
    for (int i = 0; i < CALLS; i++) acc += log(args[i % SPREAD]);
  } else if (same(f, "sin")) {
    for (int i = 0; i < CALLS; i++) acc += sin(args[i % SPREAD]);
  } else if (same(f, "pow")) {
    for (int i = 0; i < CALLS; i++) acc += pow(args[i % SPREAD], args2[(i * 7) % SPREAD]);
  } else if (same(f, "expf")) {
    for (int i = 0; i < CALLS; i++) acc += expf((float)args2[i % SPREAD]);
  } else if (same(f, "sinl")) {
    for (int i = 0; i < CALLS / 4; i++) acc += (double)sinl(args[i % SPREAD]);
  } else {
    return 2;
  }
  sink = acc;
  return 0;
}
