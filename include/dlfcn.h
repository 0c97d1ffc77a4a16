/* <dlfcn.h>: dladdr (cloudlibc); compat dlopen and friends. A static
 * executable cannot load anything: dlopen(NULL) gives a handle for the
 * program itself, whose symbols cannot be looked up (there is no dynamic
 * symbol table); any other dlopen fails. */
#ifndef _DLFCN_H_
#define _DLFCN_H_

#include <_/cdefs.h>

typedef struct {
  const char *dli_fname;
  void *dli_fbase;
  const char *dli_sname;
  void *dli_saddr;
} Dl_info;

__BEGIN_DECLS
int dladdr(const void *, Dl_info *);
__END_DECLS

#ifdef __CLOUDLIBC_COMPAT
#define RTLD_LAZY 0x1
#define RTLD_NOW 0x2
#define RTLD_NOLOAD 0x4
#define RTLD_LOCAL 0
#define RTLD_GLOBAL 0x100
#define RTLD_NODELETE 0x1000
#define RTLD_DEFAULT ((void *)0)
#define RTLD_NEXT ((void *)-1)

/* glibc's _dl_find_object, which libgcc's unwinder uses to find the
 * program's PT_GNU_EH_FRAME. */
struct dl_find_object {
  unsigned long long dlfo_flags;
  void *dlfo_map_start;
  void *dlfo_map_end;
  struct link_map *dlfo_link_map;
  void *dlfo_eh_frame;
  unsigned long long __dlfo_reserved[7];
};

__BEGIN_DECLS
int dlclose(void *);
char *dlerror(void);
void *dlopen(const char *, int);
void *dlsym(void *__restrict, const char *__restrict);
int _dl_find_object(void *, struct dl_find_object *);
__END_DECLS
#endif

#endif
