/* For tests whose configuration grants /dev/null: the first descriptor
 * from 3 on that is a character device (what isatty calls a terminal). */
#ifndef CLOUDLIBC_TEST_CHARDEV_H
#define CLOUDLIBC_TEST_CHARDEV_H

#include <sys/stat.h>

static int find_chardev(void) {
  for (int fd = 3; fd < 16; fd++) {
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISCHR(st.st_mode)) return fd;
  }
  return -1;
}

#endif
