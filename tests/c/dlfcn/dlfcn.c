/* A static executable loads nothing: dlopen(NULL) is the program, whose
 * symbols cannot be looked up; other names fail; dlerror reports each
 * failure once. dladdr knows whether an address is in the program. */
#include "test.h"
#include <dlfcn.h>

static int global_data = 42;

int main(void) {
  CHECK(dlerror() == NULL);
  void *self = dlopen(NULL, RTLD_NOW);
  CHECK(self != NULL);
  CHECK(dlsym(self, "main") == NULL);
  const char *e = dlerror();
  CHECK(e != NULL && e[0] != '\0');
  CHECK(dlerror() == NULL);
  CHECK(dlsym(RTLD_DEFAULT, "printf") == NULL);
  CHECK(dlerror() != NULL);
  CHECK_EQ(dlclose(self), 0);

  CHECK(dlopen("libm.so.6", RTLD_LAZY) == NULL);
  e = dlerror();
  CHECK(e != NULL && e[0] != '\0');
  CHECK(dlclose(&global_data) != 0);
  CHECK(dlerror() != NULL);

  Dl_info info = {0};
  CHECK(dladdr((void *)main, &info) != 0);
  CHECK_STR(info.dli_fname, "");
  CHECK(info.dli_fbase != NULL && (char *)info.dli_fbase <= (char *)main);
  CHECK(info.dli_sname == NULL);
  CHECK(info.dli_saddr == NULL);
  CHECK(dladdr(&global_data, &info) != 0);
  int local = 0;
  CHECK_EQ(dladdr(&local, &info), 0);
  CHECK_EQ(dladdr(NULL, &info), 0);
  return test_summary();
}
