/* getsubopt: splits comma-separated name[=value] suboptions. */
#include <stdlib.h>

#include "test.h"

int main(void) {
  char *const tokens[] = {"ro", "rw", "size", NULL};
  char text[] = "rw,size=10,bogus=1,ro";
  char *opts = text, *value;
  CHECK_EQ(getsubopt(&opts, tokens, &value), 1);
  CHECK(value == NULL);
  CHECK_EQ(getsubopt(&opts, tokens, &value), 2);
  CHECK_STR(value, "10");
  CHECK_EQ(getsubopt(&opts, tokens, &value), -1);
  CHECK_STR(value, "bogus=1");
  CHECK_EQ(getsubopt(&opts, tokens, &value), 0);
  CHECK(value == NULL);
  CHECK_EQ(*opts, '\0');
  char pre[] = "r";
  opts = pre;
  CHECK_EQ(getsubopt(&opts, tokens, &value), -1);
  return test_summary();
}
