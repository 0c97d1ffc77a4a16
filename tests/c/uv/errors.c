/* Error codes are negated errnos; names, messages and the version. */
#include "test.h"
#include <uv.h>

int main(void) {
  /* The system codes are the negated CloudABI errnos. */
#define SAME(name) CHECK_EQ(UV_##name, -name)
  SAME(E2BIG); SAME(EACCES); SAME(EADDRINUSE); SAME(EADDRNOTAVAIL); SAME(EAFNOSUPPORT);
  SAME(EAGAIN); SAME(EALREADY); SAME(EBADF); SAME(EBUSY); SAME(ECANCELED);
  SAME(ECONNABORTED); SAME(ECONNREFUSED); SAME(ECONNRESET); SAME(EDESTADDRREQ);
  SAME(EEXIST); SAME(EFAULT); SAME(EFBIG); SAME(EHOSTUNREACH); SAME(EINTR); SAME(EINVAL);
  SAME(EIO); SAME(EISCONN); SAME(EISDIR); SAME(ELOOP); SAME(EMFILE); SAME(EMLINK);
  SAME(EMSGSIZE); SAME(ENAMETOOLONG); SAME(ENETDOWN); SAME(ENETUNREACH); SAME(ENFILE);
  SAME(ENOBUFS); SAME(ENODEV); SAME(ENOENT); SAME(ENOMEM); SAME(ENOPROTOOPT); SAME(ENOSPC);
  SAME(ENOSYS); SAME(ENOTCONN); SAME(ENOTDIR); SAME(ENOTEMPTY); SAME(ENOTSOCK); SAME(ENOTSUP);
  SAME(ENOTTY); SAME(ENXIO); SAME(EPERM); SAME(EPIPE); SAME(EPROTO); SAME(EPROTONOSUPPORT);
  SAME(EPROTOTYPE); SAME(ERANGE); SAME(EROFS); SAME(ESPIPE); SAME(ESRCH); SAME(ETIMEDOUT);
  SAME(ETXTBSY); SAME(EXDEV); SAME(ENOTCAPABLE);

  CHECK_EQ(uv_translate_sys_error(EBADF), UV_EBADF);
  CHECK_EQ(uv_translate_sys_error(ENOTCAPABLE), UV_ENOTCAPABLE);
  CHECK_EQ(uv_translate_sys_error(UV_EPIPE), UV_EPIPE);

  CHECK_STR(uv_err_name(UV_EBADF), "EBADF");
  CHECK_STR(uv_strerror(UV_EBADF), "bad file descriptor");
  CHECK_STR(uv_err_name(UV_EOF), "EOF");
  CHECK_STR(uv_strerror(UV_EOF), "end of file");
  CHECK_STR(uv_err_name(UV_EAI_NONAME), "EAI_NONAME");
  CHECK_STR(uv_strerror(UV_ENOTCAPABLE), "capabilities insufficient");
  CHECK_STR(uv_err_name(UV_ENOTTY), "ENOTTY");
  CHECK_STR(uv_err_name(-EDOM), "Unknown system error -18");
  CHECK_STR(uv_strerror(12345), "Unknown system error 12345");

  /* Every code in the map has a name equal to its spelling. */
#define NAMED(name, msg) CHECK_STR(uv_err_name(UV_##name), #name); CHECK_STR(uv_strerror(UV_##name), msg);
  UV_ERRNO_MAP(NAMED)

  CHECK_EQ(uv_version(), UV_VERSION_HEX);
  CHECK_EQ(uv_version(), 0x011200);
  CHECK_STR(uv_version_string(), "1.18.0");
  return test_summary();
}
