/* <search.h>: POSIX search tables. */
#ifndef _SEARCH_H_
#define _SEARCH_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif

typedef enum { FIND, ENTER } ACTION;
typedef enum { preorder, postorder, endorder, leaf } VISIT;

typedef struct {
  char *key;
  void *data;
} ENTRY;

struct __hsearch;

/* A hash table for the reentrant hsearch_r family; zero it before
 * hcreate_r. */
struct hsearch_data {
  struct __hsearch *__hsearch;
};

/* A node of a tsearch tree (AVL balanced). The key comes first, so a node
 * pointer can also be read as a pointer to the key pointer. */
typedef struct __posix_tnode {
  void *key;
  struct __posix_tnode *__left;
  struct __posix_tnode *__right;
  signed char __balance;
} posix_tnode;

__BEGIN_DECLS
int hcreate_r(size_t, struct hsearch_data *);
void hdestroy_r(struct hsearch_data *);
int hsearch_r(ENTRY, ACTION, ENTRY **, struct hsearch_data *);
void insque(void *, void *);
void *lfind(const void *, const void *, size_t *, size_t,
            int (*)(const void *, const void *));
void *lsearch(const void *, void *, size_t *, size_t,
              int (*)(const void *, const void *));
void remque(void *);
void *tdelete(const void *__restrict, posix_tnode **__restrict,
              int (*)(const void *, const void *));
void tdestroy(posix_tnode *, void (*)(void *));
posix_tnode *tfind(const void *, posix_tnode *const *,
                   int (*)(const void *, const void *));
posix_tnode *tsearch(const void *, posix_tnode **,
                     int (*)(const void *, const void *));
void twalk(const posix_tnode *, void (*)(const posix_tnode *, VISIT, int));
#ifdef __CLOUDLIBC_COMPAT
int hcreate(size_t);
void hdestroy(void);
ENTRY *hsearch(ENTRY, ACTION);
#endif
__END_DECLS

#endif
