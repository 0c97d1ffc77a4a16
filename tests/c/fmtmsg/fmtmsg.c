/* fmtmsg: the POSIX examples, each part alone, and failures. */
#include <fmtmsg.h>
#include <stdio.h>
#include <stdlib.h>

#include "test.h"

/* What fmtmsg writes to stderr (captured in a memory stream). */
static const char *run(int *ret, const char *label, int severity, const char *text, const char *action, const char *tag) {
  static char copy[256];
  char *buf;
  size_t size;
  FILE *mem = open_memstream(&buf, &size);
  fswap(mem, stderr);
  *ret = fmtmsg(MM_PRINT | MM_SOFT | MM_APPL | MM_RECOVER, label, severity, text, action, tag);
  fswap(mem, stderr);
  fclose(mem);
  size_t i = 0;
  for (; i < size && i + 1 < sizeof(copy); i++)
    copy[i] = buf[i];
  copy[i] = '\0';
  free(buf);
  return copy;
}

int main(void) {
  int r;
  CHECK_STR(run(&r, "XSI:cat", MM_ERROR, "illegal option", "refer to cat in user's reference manual", "XSI:cat:001"),
            "XSI:cat: ERROR: illegal option\nTO FIX: refer to cat in user's reference manual XSI:cat:001\n");
  CHECK_EQ(r, MM_OK);
  CHECK_STR(run(&r, MM_NULLLBL, MM_ERROR, "illegal option", "refer to cat in user's reference manual", MM_NULLTAG),
            "ERROR: illegal option\nTO FIX: refer to cat in user's reference manual\n");
  CHECK_STR(run(&r, MM_NULLLBL, MM_NULLSEV, MM_NULLTXT, MM_NULLACT, MM_NULLTAG), "");
  CHECK_EQ(r, MM_OK);
  CHECK_STR(run(&r, "Label", MM_NULLSEV, MM_NULLTXT, MM_NULLACT, MM_NULLTAG), "Label:\n");
  CHECK_STR(run(&r, MM_NULLLBL, MM_HALT, MM_NULLTXT, MM_NULLACT, MM_NULLTAG), "HALT:\n");
  CHECK_STR(run(&r, MM_NULLLBL, MM_WARNING, "Text", MM_NULLACT, MM_NULLTAG), "WARNING: Text\n");
  CHECK_STR(run(&r, MM_NULLLBL, MM_NULLSEV, "Text", MM_NULLACT, MM_NULLTAG), "Text\n");
  CHECK_STR(run(&r, MM_NULLLBL, MM_NULLSEV, MM_NULLTXT, "Action", MM_NULLTAG), "TO FIX: Action\n");
  CHECK_STR(run(&r, MM_NULLLBL, MM_NULLSEV, MM_NULLTXT, MM_NULLACT, "Tag"), "Tag\n");
  CHECK_STR(run(&r, "L", MM_INFO, MM_NULLTXT, MM_NULLACT, "T"), "L: INFO:\nT\n");

  /* An unknown severity prints nothing. */
  CHECK_STR(run(&r, "L", 9, "Text", MM_NULLACT, MM_NULLTAG), "");
  CHECK_EQ(r, MM_NOTOK);

  /* A stderr that cannot be written. */
  char one;
  FILE *ro = fmemopen(&one, 1, "r");
  fswap(ro, stderr);
  r = fmtmsg(MM_CONSOLE, "L", MM_WARNING, "Text", "Action", "Tag");
  fswap(ro, stderr);
  fclose(ro);
  CHECK_EQ(r, MM_NOTOK);
  return test_summary();
}
