/* The gettext family returns message ids; the domain calls remember. */
#include "test.h"
#include <libintl.h>
#include <locale.h>

int main(void) {
  const char *id = "Hello";
  CHECK(gettext(id) == id);
  CHECK(dgettext("app", id) == id);
  CHECK(dcgettext("app", id, LC_MESSAGES) == id);
  CHECK_STR(ngettext("file", "files", 1), "file");
  CHECK_STR(ngettext("file", "files", 2), "files");
  CHECK_STR(ngettext("file", "files", 0), "files");
  CHECK_STR(dngettext("app", "a", "b", 1), "a");
  CHECK_STR(dcngettext("app", "a", "b", 5, LC_MESSAGES), "b");

  CHECK_STR(textdomain(NULL), "messages");
  CHECK_STR(textdomain("myapp"), "myapp");
  CHECK_STR(textdomain(NULL), "myapp");
  CHECK_STR(bindtextdomain("myapp", NULL), "/usr/share/locale");
  CHECK_STR(bindtextdomain("myapp", "/sandbox/locale"), "/sandbox/locale");
  CHECK_STR(bindtextdomain("myapp", NULL), "/sandbox/locale");
  CHECK(bind_textdomain_codeset("myapp", NULL) == NULL);
  CHECK_STR(bind_textdomain_codeset("myapp", "UTF-8"), "UTF-8");
  CHECK_STR(bind_textdomain_codeset("myapp", NULL), "UTF-8");
  errno = 0;
  CHECK(bindtextdomain("", "/x") == NULL);
  CHECK_EQ(errno, EINVAL);
  return test_summary();
}
