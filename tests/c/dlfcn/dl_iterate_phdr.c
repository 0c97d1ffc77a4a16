/* dl_iterate_phdr reports one object, the program, at base 0, with its
 * PT_LOAD segments (one containing main) and its PT_TLS segment, whose
 * per-thread copy holds this thread's variables. */
#include "test.h"
#include <link.h>

static __thread int tls_var = 7;
int main(void);

struct seen {
  int calls, loads, tls, main_in_load, tls_var_in_block;
  size_t size;
};

static int callback(struct dl_phdr_info *info, size_t size, void *data) {
  struct seen *s = data;
  s->calls++;
  s->size = size;
  if (info->dlpi_addr != 0 || info->dlpi_name == NULL) return -1;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *p = &info->dlpi_phdr[i];
    if (p->p_type == PT_LOAD) {
      s->loads++;
      ElfW(Addr) m = (ElfW(Addr))main;
      if (m >= p->p_vaddr && m < p->p_vaddr + p->p_memsz && (p->p_flags & PF_X)) s->main_in_load = 1;
    }
    if (p->p_type == PT_TLS) {
      s->tls++;
      char *block = info->dlpi_tls_data;
      char *var = (char *)&tls_var;
      s->tls_var_in_block = info->dlpi_tls_modid == 1 && var >= block && var < block + p->p_memsz;
    }
  }
  return 1234;
}

int main(void) {
  struct seen s = {0};
  CHECK_EQ(tls_var, 7);
  CHECK_EQ(dl_iterate_phdr(callback, &s), 1234);
  CHECK_EQ(s.calls, 1);
  CHECK_EQ(s.size, sizeof(struct dl_phdr_info));
  CHECK(s.loads >= 1);
  CHECK_EQ(s.main_in_load, 1);
  CHECK_EQ(s.tls, 1);
  CHECK_EQ(s.tls_var_in_block, 1);
  return test_summary();
}
