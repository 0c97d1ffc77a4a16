/* <argdata.h>: structured program arguments (cloudlibc).
 *
 * An argdata_t is an opaque value: null, binary, bool, descriptor, float,
 * integer, map, sequence, string or timestamp. Values come from the
 * program's start-up data (program_main, program_get_raw_argdata), from
 * argdata_from_buffer, or from argdata_create_*, and are serialised with
 * argdata_serialize. Getters return 0 or an error number (EINVAL: other
 * type or malformed; ERANGE: out of range; EILSEQ: bad string). */
#ifndef _ARGDATA_H_
#define _ARGDATA_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __sizet size_t;
#endif
#include <_/timespec.h>

/* <stdio.h>'s FILE is `struct _FILE`. */
struct _FILE;

#ifndef argdata_t
typedef struct argdata_t argdata_t;
#define argdata_t argdata_t
#endif

/* Iterators: caller-allocated, set up by argdata_*_iterate. `error` is 0,
 * or EINVAL when the value is not a map/sequence or holds malformed data. */
typedef struct {
  int error __attribute__((__aligned__(sizeof(long))));
  char data[128];
} argdata_map_iterator_t;

typedef struct {
  int error __attribute__((__aligned__(sizeof(long))));
  char data[128];
} argdata_seq_iterator_t;

/* Reading and writing argdata messages over stream descriptors. */
#ifndef argdata_reader_t
typedef struct argdata_reader_t argdata_reader_t;
#define argdata_reader_t argdata_reader_t
#endif
#ifndef argdata_writer_t
typedef struct argdata_writer_t argdata_writer_t;
#define argdata_writer_t argdata_writer_t
#endif

__BEGIN_DECLS
extern const argdata_t argdata_false;
extern const argdata_t argdata_null;
extern const argdata_t argdata_true;

argdata_t *argdata_from_buffer(const void *, size_t, int (*)(void *, size_t), void *);
argdata_t *argdata_create_binary(const void *, size_t);
argdata_t *argdata_create_fd(int);
argdata_t *argdata_create_float(double);
argdata_t *argdata_create_int_s(intmax_t);
argdata_t *argdata_create_int_u(uintmax_t);
argdata_t *argdata_create_map(const argdata_t *const *, const argdata_t *const *, size_t);
argdata_t *argdata_create_seq(const argdata_t *const *, size_t);
argdata_t *argdata_create_str(const char *, size_t);
argdata_t *argdata_create_str_c(const char *);
argdata_t *argdata_create_timestamp(const struct timespec *);
void argdata_free(argdata_t *);

void argdata_serialized_length(const argdata_t *, size_t *, size_t *);
size_t argdata_serialize(const argdata_t *, void *, int *);

int argdata_get_binary(const argdata_t *, const void **, size_t *);
int argdata_get_bool(const argdata_t *, bool *);
int argdata_get_fd(const argdata_t *, int *);
int argdata_get_float(const argdata_t *, double *);
int argdata_get_int_s(const argdata_t *, intmax_t *, intmax_t, intmax_t);
int argdata_get_int_u(const argdata_t *, uintmax_t *, uintmax_t);
int argdata_get_str(const argdata_t *, const char **, size_t *);
int argdata_get_str_c(const argdata_t *, const char **);
int argdata_get_timestamp(const argdata_t *, struct timespec *);

void argdata_map_iterate(const argdata_t *, argdata_map_iterator_t *);
bool argdata_map_get(const argdata_map_iterator_t *, const argdata_t **, const argdata_t **);
void argdata_map_next(argdata_map_iterator_t *);
void argdata_seq_iterate(const argdata_t *, argdata_seq_iterator_t *);
bool argdata_seq_get(const argdata_seq_iterator_t *, const argdata_t **);
void argdata_seq_next(argdata_seq_iterator_t *);

void argdata_print_yaml(const argdata_t *, struct _FILE *);

argdata_reader_t *argdata_reader_create(size_t, size_t);
void argdata_reader_free(argdata_reader_t *);
const argdata_t *argdata_reader_get(const argdata_reader_t *);
void argdata_reader_release_fd(argdata_reader_t *, int);
int argdata_reader_pull(argdata_reader_t *, int);
argdata_writer_t *argdata_writer_create(void);
void argdata_writer_free(argdata_writer_t *);
int argdata_writer_push(argdata_writer_t *, int);
void argdata_writer_set(argdata_writer_t *, const argdata_t *);
__END_DECLS

/* argdata_get_int(ad, &x) and argdata_create_int(x) for any integer type x:
 * the range of the type is checked (ERANGE) and the signed or unsigned form
 * chosen. C11 _Generic in C, overloads in C++. */
#define __ARGDATA_GET_INT_S(type, name, min, max)                       \
  static inline int argdata_get_int_##name(const argdata_t *__ad,       \
                                           type *__value) {             \
    intmax_t __v;                                                       \
    int __error = argdata_get_int_s(__ad, &__v, (min), (max));          \
    if (__error == 0)                                                   \
      *__value = (type)__v;                                             \
    return __error;                                                     \
  }
#define __ARGDATA_GET_INT_U(type, name, max)                            \
  static inline int argdata_get_int_##name(const argdata_t *__ad,       \
                                           type *__value) {             \
    uintmax_t __v;                                                      \
    int __error = argdata_get_int_u(__ad, &__v, (max));                 \
    if (__error == 0)                                                   \
      *__value = (type)__v;                                             \
    return __error;                                                     \
  }
__ARGDATA_GET_INT_S(char, char, CHAR_MIN, CHAR_MAX)
__ARGDATA_GET_INT_S(signed char, schar, SCHAR_MIN, SCHAR_MAX)
__ARGDATA_GET_INT_U(unsigned char, uchar, UCHAR_MAX)
__ARGDATA_GET_INT_S(short, short, SHRT_MIN, SHRT_MAX)
__ARGDATA_GET_INT_U(unsigned short, ushort, USHRT_MAX)
__ARGDATA_GET_INT_S(int, int, INT_MIN, INT_MAX)
__ARGDATA_GET_INT_U(unsigned int, uint, UINT_MAX)
__ARGDATA_GET_INT_S(long, long, LONG_MIN, LONG_MAX)
__ARGDATA_GET_INT_U(unsigned long, ulong, ULONG_MAX)
__ARGDATA_GET_INT_S(long long, llong, LLONG_MIN, LLONG_MAX)
__ARGDATA_GET_INT_U(unsigned long long, ullong, ULLONG_MAX)
#undef __ARGDATA_GET_INT_S
#undef __ARGDATA_GET_INT_U

#ifdef __cplusplus
#define __ARGDATA_INT(type, name, sign)                                  \
  inline argdata_t *argdata_create_int(type __value) {                  \
    return argdata_create_int_##sign(__value);                          \
  }                                                                     \
  inline int argdata_get_int(const argdata_t *__ad, type *__value) {    \
    return argdata_get_int_##name(__ad, __value);                       \
  }
__ARGDATA_INT(char, char, s)
__ARGDATA_INT(signed char, schar, s)
__ARGDATA_INT(unsigned char, uchar, u)
__ARGDATA_INT(short, short, s)
__ARGDATA_INT(unsigned short, ushort, u)
__ARGDATA_INT(int, int, s)
__ARGDATA_INT(unsigned int, uint, u)
__ARGDATA_INT(long, long, s)
__ARGDATA_INT(unsigned long, ulong, u)
__ARGDATA_INT(long long, llong, s)
__ARGDATA_INT(unsigned long long, ullong, u)
#undef __ARGDATA_INT
#else
#define argdata_create_int(value)                  \
  _Generic(value,                                  \
      char: argdata_create_int_s,                  \
      signed char: argdata_create_int_s,           \
      unsigned char: argdata_create_int_u,         \
      short: argdata_create_int_s,                 \
      unsigned short: argdata_create_int_u,        \
      int: argdata_create_int_s,                   \
      unsigned int: argdata_create_int_u,          \
      long: argdata_create_int_s,                  \
      unsigned long: argdata_create_int_u,         \
      long long: argdata_create_int_s,             \
      unsigned long long: argdata_create_int_u)(value)
#define argdata_get_int(ad, value)                 \
  _Generic(*(value),                               \
      char: argdata_get_int_char,                  \
      signed char: argdata_get_int_schar,          \
      unsigned char: argdata_get_int_uchar,        \
      short: argdata_get_int_short,                \
      unsigned short: argdata_get_int_ushort,      \
      int: argdata_get_int_int,                    \
      unsigned int: argdata_get_int_uint,          \
      long: argdata_get_int_long,                  \
      unsigned long: argdata_get_int_ulong,        \
      long long: argdata_get_int_llong,            \
      unsigned long long: argdata_get_int_ullong)(ad, value)
#endif

#endif
