/* <arpa/inet.h> and <netinet/in.h>: byte order, text to address and back
 * in the canonical forms (RFC 5952 for IPv6), the historical IPv4 forms,
 * and the IPv6 address classes. */
#include "test.h"
#include <arpa/inet.h>

static const char *v6(const char *text, char *buf) {
  struct in6_addr a;
  if (inet_pton(AF_INET6, text, &a) != 1) return "(invalid)";
  return inet_ntop(AF_INET6, &a, buf, INET6_ADDRSTRLEN);
}

int main(void) {
  CHECK_EQ(htons(0x1234), 0x3412);
  CHECK_EQ(htonl(0x01020304), 0x04030201);
  CHECK_EQ(ntohs(htons(80)), 80);
  CHECK_EQ(ntohl(htonl(0xdeadbeef)), 0xdeadbeef);

  struct in_addr a4;
  CHECK_EQ(inet_pton(AF_INET, "192.0.2.33", &a4), 1);
  CHECK_EQ(ntohl(a4.s_addr), 0xc0000221);
  CHECK_EQ(inet_pton(AF_INET, "192.0.2", &a4), 0);
  CHECK_EQ(inet_pton(AF_INET, "192.0.2.033", &a4), 0);
  CHECK_EQ(inet_pton(AF_INET, "256.0.0.1", &a4), 0);
  CHECK_ERRNO(inet_pton(AF_UNIX, "x", &a4), EAFNOSUPPORT);

  char buf[INET6_ADDRSTRLEN];
  a4.s_addr = htonl(0x7f000001);
  CHECK_STR(inet_ntop(AF_INET, &a4, buf, sizeof(buf)), "127.0.0.1");
  CHECK(inet_ntop(AF_INET, &a4, buf, 9) == NULL);
  CHECK_EQ(errno, ENOSPC);
  CHECK(inet_ntop(AF_INET, &a4, buf, 10) != NULL);
  CHECK(inet_ntop(99, &a4, buf, sizeof(buf)) == NULL);
  CHECK_EQ(errno, EAFNOSUPPORT);

  CHECK_STR(v6("::", buf), "::");
  CHECK_STR(v6("::1", buf), "::1");
  CHECK_STR(v6("0:0:0:0:0:0:0:1", buf), "::1");
  CHECK_STR(v6("::ffff:1.2.3.4", buf), "::ffff:1.2.3.4");
  CHECK_STR(v6("::FFFF:0102:0304", buf), "::ffff:1.2.3.4");
  CHECK_STR(v6("2001:DB8:0:0:8:800:200C:417A", buf), "2001:db8::8:800:200c:417a");
  CHECK_STR(v6("2001:db8:0:0:1:0:0:1", buf), "2001:db8::1:0:0:1");
  CHECK_STR(v6("2001:db8:0:1:1:1:1:1", buf), "2001:db8:0:1:1:1:1:1");
  CHECK_STR(v6("1:0:0:2::3", buf), "1:0:0:2::3");
  CHECK_STR(v6("fe80::", buf), "fe80::");
  CHECK_STR(v6("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", buf), "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  CHECK_STR(v6("1::2::3", buf), "(invalid)");
  CHECK_STR(v6("1:2:3:4:5:6:7:8:9", buf), "(invalid)");
  CHECK_STR(v6("12345::", buf), "(invalid)");
  CHECK_STR(v6("fe80::1%1", buf), "(invalid)");

  CHECK_EQ(inet_aton("10.1", &a4), 1);
  CHECK_EQ(ntohl(a4.s_addr), 0x0a000001);
  CHECK_EQ(inet_aton("0x7f.0.0.1", &a4), 1);
  CHECK_EQ(ntohl(a4.s_addr), 0x7f000001);
  CHECK_EQ(inet_aton("255.255.255.255", &a4), 1);
  CHECK_EQ(a4.s_addr, 0xffffffff);
  CHECK_EQ(inet_aton("1.2.3.4.5", &a4), 0);
  CHECK_EQ(inet_addr("192.168.1.2"), htonl(0xc0a80102));
  CHECK_EQ(inet_addr("nonsense"), INADDR_NONE);
  a4.s_addr = htonl(0x0a141e28);
  CHECK_STR(inet_ntoa(a4), "10.20.30.40");

  struct in6_addr x;
  CHECK_EQ(IN6_IS_ADDR_UNSPECIFIED(&in6addr_any), 1);
  CHECK_EQ(IN6_IS_ADDR_LOOPBACK(&in6addr_loopback), 1);
  inet_pton(AF_INET6, "::ffff:10.0.0.1", &x);
  CHECK_EQ(IN6_IS_ADDR_V4MAPPED(&x), 1);
  CHECK_EQ(IN6_IS_ADDR_V4COMPAT(&x), 0);
  inet_pton(AF_INET6, "ff02::1", &x);
  CHECK_EQ(IN6_IS_ADDR_MULTICAST(&x), 1);
  CHECK_EQ(IN6_IS_ADDR_MC_LINKLOCAL(&x), 1);
  CHECK_EQ(IN6_IS_ADDR_MC_GLOBAL(&x), 0);
  inet_pton(AF_INET6, "fe80::1", &x);
  CHECK_EQ(IN6_IS_ADDR_LINKLOCAL(&x), 1);
  CHECK_EQ(IN6_IS_ADDR_SITELOCAL(&x), 0);
  struct in6_addr init = IN6ADDR_LOOPBACK_INIT;
  CHECK_EQ(memcmp(&init, &in6addr_loopback, sizeof(init)), 0);

  CHECK_EQ(sizeof(struct sockaddr_in), 16);
  CHECK_EQ(sizeof(struct sockaddr_in6), 32);
  CHECK_EQ(sizeof(struct sockaddr), 16);
  return test_summary();
}
