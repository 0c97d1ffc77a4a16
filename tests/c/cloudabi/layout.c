/* <cloudabi_types.h>: every struct has the size, alignment and field
 * offsets the `cloudabi` crate's layout tests give for 64-bit targets;
 * <cloudabi_syscalls.h> declares calls that link and work. */
#include "test.h"
#include <cloudabi_syscalls.h>
#include <stddef.h>

#define SIZE(type, size, align)       \
  do {                                \
    CHECK_EQ(sizeof(type), size);     \
    CHECK_EQ(_Alignof(type), align);  \
  } while (0)
#define AT(type, field, offset) CHECK_EQ(offsetof(type, field), offset)

static void layouts(void) {
  SIZE(cloudabi_auxv_t, 16, 8);
  AT(cloudabi_auxv_t, a_type, 0);
  AT(cloudabi_auxv_t, a_val, 8);
  AT(cloudabi_auxv_t, a_ptr, 8);

  SIZE(cloudabi_ciovec_t, 16, 8);
  AT(cloudabi_ciovec_t, buf, 0);
  AT(cloudabi_ciovec_t, buf_len, 8);

  SIZE(cloudabi_dirent_t, 24, 8);
  AT(cloudabi_dirent_t, d_next, 0);
  AT(cloudabi_dirent_t, d_ino, 8);
  AT(cloudabi_dirent_t, d_namlen, 16);
  AT(cloudabi_dirent_t, d_type, 20);

  SIZE(cloudabi_event_t, 32, 8);
  AT(cloudabi_event_t, userdata, 0);
  AT(cloudabi_event_t, error, 8);
  AT(cloudabi_event_t, type, 10);
  AT(cloudabi_event_t, fd_readwrite.nbytes, 16);
  AT(cloudabi_event_t, fd_readwrite.unused, 24);
  AT(cloudabi_event_t, fd_readwrite.flags, 28);
  AT(cloudabi_event_t, proc_terminate.unused, 16);
  AT(cloudabi_event_t, proc_terminate.signal, 20);
  AT(cloudabi_event_t, proc_terminate.exitcode, 24);

  SIZE(cloudabi_fdstat_t, 24, 8);
  AT(cloudabi_fdstat_t, fs_filetype, 0);
  AT(cloudabi_fdstat_t, fs_flags, 2);
  AT(cloudabi_fdstat_t, fs_rights_base, 8);
  AT(cloudabi_fdstat_t, fs_rights_inheriting, 16);

  SIZE(cloudabi_filestat_t, 56, 8);
  AT(cloudabi_filestat_t, st_dev, 0);
  AT(cloudabi_filestat_t, st_ino, 8);
  AT(cloudabi_filestat_t, st_filetype, 16);
  AT(cloudabi_filestat_t, st_nlink, 20);
  AT(cloudabi_filestat_t, st_size, 24);
  AT(cloudabi_filestat_t, st_atim, 32);
  AT(cloudabi_filestat_t, st_mtim, 40);
  AT(cloudabi_filestat_t, st_ctim, 48);

  SIZE(cloudabi_iovec_t, 16, 8);
  AT(cloudabi_iovec_t, buf, 0);
  AT(cloudabi_iovec_t, buf_len, 8);

  SIZE(cloudabi_lookup_t, 8, 4);
  AT(cloudabi_lookup_t, fd, 0);
  AT(cloudabi_lookup_t, flags, 4);

  SIZE(cloudabi_recv_in_t, 40, 8);
  AT(cloudabi_recv_in_t, ri_data, 0);
  AT(cloudabi_recv_in_t, ri_data_len, 8);
  AT(cloudabi_recv_in_t, ri_fds, 16);
  AT(cloudabi_recv_in_t, ri_fds_len, 24);
  AT(cloudabi_recv_in_t, ri_flags, 32);

  SIZE(cloudabi_recv_out_t, 64, 8);
  AT(cloudabi_recv_out_t, ro_datalen, 0);
  AT(cloudabi_recv_out_t, ro_fdslen, 8);
  AT(cloudabi_recv_out_t, ro_unused, 16);
  AT(cloudabi_recv_out_t, ro_flags, 56);

  SIZE(cloudabi_send_in_t, 40, 8);
  AT(cloudabi_send_in_t, si_data, 0);
  AT(cloudabi_send_in_t, si_data_len, 8);
  AT(cloudabi_send_in_t, si_fds, 16);
  AT(cloudabi_send_in_t, si_fds_len, 24);
  AT(cloudabi_send_in_t, si_flags, 32);

  SIZE(cloudabi_send_out_t, 8, 8);
  AT(cloudabi_send_out_t, so_datalen, 0);

  SIZE(cloudabi_subscription_t, 56, 8);
  AT(cloudabi_subscription_t, userdata, 0);
  AT(cloudabi_subscription_t, unused, 8);
  AT(cloudabi_subscription_t, type, 10);
  AT(cloudabi_subscription_t, clock.identifier, 16);
  AT(cloudabi_subscription_t, clock.clock_id, 24);
  AT(cloudabi_subscription_t, clock.timeout, 32);
  AT(cloudabi_subscription_t, clock.precision, 40);
  AT(cloudabi_subscription_t, clock.flags, 48);
  AT(cloudabi_subscription_t, condvar.condvar, 16);
  AT(cloudabi_subscription_t, condvar.lock, 24);
  AT(cloudabi_subscription_t, condvar.condvar_scope, 32);
  AT(cloudabi_subscription_t, condvar.lock_scope, 33);
  AT(cloudabi_subscription_t, fd_readwrite.fd, 16);
  AT(cloudabi_subscription_t, fd_readwrite.flags, 20);
  AT(cloudabi_subscription_t, lock.lock, 16);
  AT(cloudabi_subscription_t, lock.lock_scope, 24);
  AT(cloudabi_subscription_t, proc_terminate.fd, 16);

  SIZE(cloudabi_tcb_t, 8, 8);
  AT(cloudabi_tcb_t, parent, 0);

  SIZE(cloudabi_threadattr_t, 32, 8);
  AT(cloudabi_threadattr_t, entry_point, 0);
  AT(cloudabi_threadattr_t, stack, 8);
  AT(cloudabi_threadattr_t, stack_len, 16);
  AT(cloudabi_threadattr_t, argument, 24);
}

/* The scalar types have the crate's widths and signedness. */
static void scalars(void) {
  CHECK_EQ(sizeof(cloudabi_errno_t), 2);
  CHECK_EQ(sizeof(cloudabi_fd_t), 4);
  CHECK_EQ(sizeof(cloudabi_rights_t), 8);
  CHECK_EQ(sizeof(cloudabi_filetype_t), 1);
  CHECK_EQ(sizeof(cloudabi_oflags_t), 2);
  CHECK_EQ(sizeof(cloudabi_lookupflags_t), 4);
  CHECK((cloudabi_filedelta_t)-1 < 0);
  CHECK((cloudabi_filesize_t)-1 > 0);
}

/* A few calls through the declared prototypes, with the values above. */
static void calls(void) {
  const char text[] = "via cloudabi_sys_fd_write\n";
  cloudabi_ciovec_t iov = {text, sizeof(text) - 1};
  size_t n = 0;
  CHECK_EQ(cloudabi_sys_fd_write(1, &iov, 1, &n), 0);
  CHECK_EQ(n, sizeof(text) - 1);
  CHECK_EQ(cloudabi_sys_fd_write(0x7fffffff, &iov, 1, &n), CLOUDABI_EBADF);

  cloudabi_fdstat_t st;
  CHECK_EQ(cloudabi_sys_fd_stat_get(TEST_DIR_FD, &st), 0);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK((st.fs_rights_base & CLOUDABI_RIGHT_FILE_OPEN) != 0);
  CHECK((st.fs_rights_base & CLOUDABI_RIGHT_FD_WRITE) == 0);

  cloudabi_timestamp_t t = 0;
  CHECK_EQ(cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_REALTIME, 1, &t), 0);
  CHECK(t > 1500000000ull * 1000000000ull);

  unsigned char random[16] = {0};
  CHECK_EQ(cloudabi_sys_random_get(random, sizeof(random)), 0);
}

int main(void) {
  layouts();
  scalars();
  calls();
  return test_summary();
}
