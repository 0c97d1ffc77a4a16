/* <link.h>: dl_iterate_phdr (cloudlibc). A static executable is the only
 * object: one entry, with base address 0. */
#ifndef _LINK_H_
#define _LINK_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <elf.h>

#define ElfW(type) Elf64_##type
#define ELFW(type) ELF64_##type

struct dl_phdr_info {
  ElfW(Addr) dlpi_addr;
  const char *dlpi_name;
  const ElfW(Phdr) *dlpi_phdr;
  ElfW(Half) dlpi_phnum;
  unsigned long long dlpi_adds;
  unsigned long long dlpi_subs;
  __sizet dlpi_tls_modid;
  void *dlpi_tls_data;
};

__BEGIN_DECLS
int dl_iterate_phdr(int (*)(struct dl_phdr_info *, __sizet, void *), void *);
__END_DECLS

#endif
