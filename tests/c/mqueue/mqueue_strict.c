/* cloudlibc's exact surface: the anonymous queues are there in strict mode. */
#define _CLOUDLIBC_STRICT
#include <mqueue.h>
#include <sys/capsicum.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <link.h>
#include <dlfcn.h>
#include <execinfo.h>

#ifdef MQ_PRIO_MAX
#error MQ_PRIO_MAX is compat only
#endif
#ifdef RLIMIT_NOFILE
#error rlimits are compat only
#endif
#ifdef RTLD_NOW
#error dlopen is compat only
#endif

int main(void) {
  mqd_t q;
  struct mq_attr a = {0, 1, 1, 0};
  struct utsname u;
  struct rusage ru;
  cap_rights_t r;
  cap_rights_init(&r, CAP_READ);
  int ok = mq_init(&q, &a) == 0 && mq_destroy(q) == 0 && uname(&u) == 0 && getrusage(RUSAGE_SELF, &ru) == 0 &&
           cap_rights_is_set(&r, CAP_READ) && cap_sandboxed();
  return ok ? 0 : 1;
}
