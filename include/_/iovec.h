/* Internal: struct iovec, shared by <sys/uio.h> and <sys/socket.h>. Its
 * layout is CloudABI's iovec. */
#ifndef _STRUCT_IOVEC_DECLARED
#define _STRUCT_IOVEC_DECLARED
#include <_/types.h>
struct iovec {
  void *iov_base;
  __sizet iov_len;
};
#endif
