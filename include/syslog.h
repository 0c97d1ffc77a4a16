/* <syslog.h>: system logging. As in cloudlibc there is no log service:
 * syslog() writes a line to stderr (UTC time, severity, message).
 * Options and facilities are accepted and ignored, so all are 0. */
#ifndef _SYSLOG_H_
#define _SYSLOG_H_

#include <_/cdefs.h>
#include <_/types.h>

/* openlog() options. */
#define LOG_PID 0
#define LOG_CONS 0
#define LOG_NDELAY 0
#define LOG_ODELAY 0
#define LOG_NOWAIT 0

/* Facilities. */
#define LOG_KERN 0
#define LOG_USER 0
#define LOG_MAIL 0
#define LOG_NEWS 0
#define LOG_UUCP 0
#define LOG_DAEMON 0
#define LOG_AUTH 0
#define LOG_CRON 0
#define LOG_LPR 0
#define LOG_LOCAL0 0
#define LOG_LOCAL1 0
#define LOG_LOCAL2 0
#define LOG_LOCAL3 0
#define LOG_LOCAL4 0
#define LOG_LOCAL5 0
#define LOG_LOCAL6 0
#define LOG_LOCAL7 0

/* Severities, most important first. */
#define LOG_EMERG 0
#define LOG_ALERT 1
#define LOG_CRIT 2
#define LOG_ERR 3
#define LOG_WARNING 4
#define LOG_NOTICE 5
#define LOG_INFO 6
#define LOG_DEBUG 7

#define LOG_MASK(pri) (1 << (pri))
#define LOG_UPTO(pri) (LOG_MASK((pri) + 1) - 1)

#ifdef __CLOUDLIBC_COMPAT
/* Names other systems have; messages always go to stderr anyway. */
#define LOG_PERROR 0
#define LOG_AUTHPRIV 0
#define LOG_SYSLOG 0
#define LOG_FTP 0
#define LOG_PRIMASK 0x07
#define LOG_PRI(p) ((p) & LOG_PRIMASK)
#define LOG_MAKEPRI(fac, pri) ((fac) | (pri))
#endif

__BEGIN_DECLS
void closelog(void);
void openlog(const char *, int, int);
int setlogmask(int);
void syslog(int, const char *, ...) __printflike(2, 3);
void syslog_l(int, __locale_t, const char *, ...) __printflike(3, 4);
void vsyslog(int, const char *, __va_list) __printflike(2, 0);
void vsyslog_l(int, __locale_t, const char *, __va_list) __printflike(3, 0);
__END_DECLS

#endif
