/* <time.h>: clocks, calendar time, time zones, formatting.
 * clockid_t values are CloudABI's clock ids. Time zones come from the TZ
 * variable in POSIX form (no zoneinfo files: see src/header/time/tz.rs).
 * cloudlibc extensions: tm_gmtoff, tm_zone, tm_nsec, localtime_l, mktime_l,
 * timegm; the last argument of nanosleep and clock_nanosleep is optional
 * (sleeps are never interrupted). */
#ifndef _TIME_H_
#define _TIME_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <_/timespec.h>

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#ifndef _CLOCK_T_DECLARED
#define _CLOCK_T_DECLARED
typedef __clock_t clock_t;
#endif
#ifndef _CLOCKID_T_DECLARED
#define _CLOCKID_T_DECLARED
typedef __clockid_t clockid_t;
#endif
#ifndef _LOCALE_T_DECLARED
#define _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#endif
#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif

struct tm {
  int tm_sec;
  int tm_min;
  int tm_hour;
  int tm_mday;
  int tm_mon;
  int tm_year;
  int tm_wday;
  int tm_yday;
  int tm_isdst;
  int tm_gmtoff;        /* Seconds east of UTC. */
  const char *tm_zone;  /* Time zone abbreviation. */
  long tm_nsec;         /* Nanoseconds [0,999999999]. */
};

#define CLOCKS_PER_SEC ((clock_t)1000000000)

#define CLOCK_MONOTONIC ((clockid_t)1)
#define CLOCK_PROCESS_CPUTIME_ID ((clockid_t)2)
#define CLOCK_REALTIME ((clockid_t)3)
#define CLOCK_THREAD_CPUTIME_ID ((clockid_t)4)

#define TIMER_ABSTIME 1
#define TIME_UTC 3

#ifdef __CLOUDLIBC_COMPAT
#ifndef _TIMER_T_DECLARED
#define _TIMER_T_DECLARED
typedef void *timer_t;
#endif

/* Per-process timers on CLOCK_REALTIME and CLOCK_MONOTONIC; see
 * src/header/time/timer.rs. */
struct itimerspec {
  struct timespec it_interval;
  struct timespec it_value;
};
struct sigevent;
#endif

__BEGIN_DECLS
extern int daylight;
extern long timezone;
extern char *tzname[2];

char *asctime_r(const struct tm *__restrict, char *__restrict);
clock_t clock(void);
int clock_getres(clockid_t, struct timespec *);
int clock_gettime(clockid_t, struct timespec *);
int clock_nanosleep(clockid_t, int, const struct timespec *, ...);
char *ctime_r(const time_t *, char *);
double difftime(time_t, time_t);
struct tm *gmtime_r(const time_t *__restrict, struct tm *__restrict);
int localtime_l(const struct timespec *__restrict, struct tm *__restrict, locale_t);
struct tm *localtime_r(const time_t *__restrict, struct tm *__restrict);
time_t mktime(struct tm *);
int mktime_l(const struct tm *__restrict, struct timespec *__restrict, locale_t);
int nanosleep(const struct timespec *, ...);
size_t strftime(char *__restrict, size_t, const char *__restrict, const struct tm *__restrict);
size_t strftime_l(char *__restrict, size_t, const char *__restrict, const struct tm *__restrict,
                  locale_t);
char *strptime(const char *__restrict, const char *__restrict, struct tm *__restrict);
char *strptime_l(const char *__restrict, const char *__restrict, struct tm *__restrict, locale_t);
time_t time(time_t *);
time_t timegm(struct tm *);
int timespec_get(struct timespec *, int);
void tzset(void);

#ifdef __CLOUDLIBC_COMPAT
char *asctime(const struct tm *);
int clock_getcpuclockid(__pid_t, clockid_t *);
int clock_settime(clockid_t, const struct timespec *);
char *ctime(const time_t *);
struct tm *gmtime(const time_t *);
struct tm *localtime(const time_t *);
int timer_create(clockid_t, struct sigevent *__restrict, timer_t *__restrict);
int timer_delete(timer_t);
int timer_getoverrun(timer_t);
int timer_gettime(timer_t, struct itimerspec *);
int timer_settime(timer_t, int, const struct itimerspec *__restrict, struct itimerspec *__restrict);
#endif
__END_DECLS

#endif
