/* syslog, vsyslog, syslog_l, vsyslog_l, setlogmask, openlog, closelog:
 * lines on stderr with an ISO 8601 UTC time and the severity. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "test.h"

static int log_fd;

/* What syslog wrote since the last call, without the timestamp (which
 * is checked for its shape). */
static const char *logged(void) {
  static char buf[512];
  fflush(stderr);
  ssize_t n = read(log_fd, buf, sizeof(buf) - 1);
  if (n <= 0)
    return "";
  buf[n] = '\0';
  const char *shape = "dddd-dd-ddTdd:dd:dd.dddddddddZ ";
  for (size_t i = 0; shape[i] != '\0'; i++) {
    if (shape[i] == 'd' ? (buf[i] < '0' || buf[i] > '9') : buf[i] != shape[i])
      return "bad timestamp";
  }
  return buf + strlen(shape);
}

static void vlog(int priority, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  vsyslog(priority, format, ap);
  va_end(ap);
}

static void vlog_l(int priority, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  vsyslog_l(priority, NULL, format, ap);
  va_end(ap);
}

int main(void) {
  int fds[2];
  CHECK_EQ(pipe(fds), 0);
  CHECK_EQ(fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK), 0);
  int saved_stderr = dup(2);
  CHECK_EQ(dup2(fds[1], 2), 2);
  log_fd = fds[0];

  openlog("test", LOG_PID, LOG_USER);
  syslog(LOG_ERR, "Dropped %d packets %s ago", 123, "10 seconds");
  const char *l = logged();
  CHECK_STR(l, "ERROR     Dropped 123 packets 10 seconds ago\n");
  syslog(LOG_EMERG, "positional %2$d %1$d\n", 1, 2);
  CHECK_STR(logged(), "EMERGENCY positional 2 1\n");
  errno = ENOENT;
  syslog(LOG_WARNING, "open: %m");
  CHECK_STR(logged(), "WARNING   open: No such file or directory\n");
  vlog(LOG_INFO, "%s=%x", "v", 255);
  CHECK_STR(logged(), "INFO      v=ff\n");
  syslog_l(LOG_NOTICE, NULL, "%c", 'x');
  CHECK_STR(logged(), "NOTICE    x\n");
  vlog_l(LOG_CRIT, "%05.1f", 2.25);
  CHECK_STR(logged(), "CRITICAL  002.2\n");
  syslog(LOG_ALERT | LOG_LOCAL0, "");
  CHECK_STR(logged(), "ALERT     \n");

  /* The mask: setlogmask(0) reads it; masked severities are dropped. */
  CHECK_EQ(setlogmask(0), LOG_UPTO(LOG_DEBUG));
  CHECK_EQ(setlogmask(LOG_MASK(LOG_DEBUG)), LOG_UPTO(LOG_DEBUG));
  CHECK_EQ(setlogmask(0), LOG_MASK(LOG_DEBUG));
  syslog(LOG_ERR, "dropped");
  CHECK_STR(logged(), "");
  syslog(LOG_DEBUG, "kept");
  CHECK_STR(logged(), "DEBUG     kept\n");
  CHECK_EQ(setlogmask(LOG_UPTO(LOG_WARNING)), LOG_MASK(LOG_DEBUG));
  syslog(LOG_INFO, "dropped");
  syslog(LOG_WARNING, "kept");
  CHECK_STR(logged(), "WARNING   kept\n");

  /* Priorities outside the eight severities are ignored. */
  setlogmask(-1);
  syslog(8, "dropped");
  syslog(-1, "dropped");
  CHECK_STR(logged(), "");
  closelog();

  /* errno is what the caller left, after logging too. */
  errno = EBADF;
  syslog(LOG_INFO, "%m");
  CHECK_STR(logged(), "INFO      Bad file descriptor\n");

  dup2(saved_stderr, 2);
  return test_summary();
}
