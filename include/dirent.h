/* <dirent.h>: directory streams. */
#ifndef _DIRENT_H_
#define _DIRENT_H_

#include <_/cdefs.h>
#include <_/types.h>

typedef __ino_t ino_t;

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

struct dirent {
  ino_t d_ino;
  unsigned char d_type;
  char d_name[256];
};

typedef struct _DIR DIR;

__BEGIN_DECLS
int alphasort(const struct dirent **, const struct dirent **);
int closedir(DIR *);
int dirfd(DIR *);
int fdclosedir(DIR *);
DIR *fdopendir(int);
DIR *opendirat(int, const char *);
struct dirent *readdir(DIR *);
void rewinddir(DIR *);
int scandirat(int, const char *, struct dirent ***, int (*)(const struct dirent *),
              int (*)(const struct dirent **, const struct dirent **));
void seekdir(DIR *, long);
long telldir(DIR *);
int versionsort(const struct dirent **, const struct dirent **);
#ifdef __CLOUDLIBC_COMPAT
DIR *opendir(const char *);
int readdir_r(DIR *__restrict, struct dirent *__restrict, struct dirent **__restrict);
int scandir(const char *, struct dirent ***, int (*)(const struct dirent *),
            int (*)(const struct dirent **, const struct dirent **));
#endif
__END_DECLS

#endif
