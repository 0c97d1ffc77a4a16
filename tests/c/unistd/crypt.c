/* crypt_r and crypt: MD5-, SHA-256- and SHA-512-crypt, checked against
 * the host's libcrypt; other settings EINVAL; encrypt and setkey ENOSYS. */
#include "test.h"
#include <stdlib.h>

int main(void) {
  struct crypt_data data;
  data.initialized = 0;
  CHECK_STR(crypt_r("Hello world!", "$5$saltstring", &data), "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5");
  CHECK(crypt_r("x", "$1$", &data) == data.__buf);
  CHECK_STR(crypt_r("", "$1$abc", &data), "$1$abc$Or2rbeUYTvt12aiVzMuS/.");
  CHECK_STR(crypt_r("password", "$5$rounds=5000$toolongsaltstringXYZ", &data),
            "$5$rounds=5000$toolongsaltstrin$AqIYMzL1pTg3CdcReUVWtv.S.SUIxbVqiKsYpVZs3q9");
  char key[301];
  memset(key, 'x', 300);
  key[300] = '\0';
  CHECK_STR(crypt_r(key, "$6$rounds=1234$s$ignored", &data),
            "$6$rounds=1234$s$lvjQh.xLMX1SYUseQZ8.GHVrmggeZ2cycIRCFE.pSxCk.2AGugSzJCGV9dhU7QuIFViOW0.u6.1TOBn7lxjrH0");
  CHECK_STR(crypt("pass\xc3\xa9", "$6$"),
            "$6$$2nSu8PcK7O7XEzmN0pnTDleXX1Pzqfwa0T3ix5AoR4UgmBaLmyPP2H3i831BWe2pbGCmbD6Gg.hYwhJHMFAwT1");
  /* A stored hash is its own setting. */
  const char *h = "$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1";
  CHECK_STR(crypt("Hello world!", h), h);

  errno = 0;
  CHECK(crypt("key", "ab") == NULL);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK(crypt_r("key", "$2b$10$abcdefghijklmnopqrstuu", &data) == NULL);
  CHECK_EQ(errno, EINVAL);

  char block[64] = {0};
  errno = 0;
  encrypt(block, 0);
  CHECK_EQ(errno, ENOSYS);
  errno = 0;
  setkey(block);
  CHECK_EQ(errno, ENOSYS);
  return test_summary();
}
