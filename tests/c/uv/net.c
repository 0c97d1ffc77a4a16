/* Addresses in text and binary, and the resolver (numeric hosts and
 * services, "localhost"), synchronous and on the pool. */
#include "test.h"
#include <string.h>
#include <uv.h>

static uv_loop_t loop;
static int resolved, named;

static void on_addrinfo(uv_getaddrinfo_t *r, int status, struct addrinfo *ai) {
  CHECK_EQ(status, 0);
  CHECK(ai != NULL && ai == r->addrinfo);
  CHECK_EQ(ai->ai_family, AF_INET6);
  struct sockaddr_in6 *a = (struct sockaddr_in6 *)ai->ai_addr;
  CHECK_EQ(ntohs(a->sin6_port), 443);
  uv_freeaddrinfo(ai);
  resolved++;
}

static void on_fail(uv_getaddrinfo_t *r, int status, struct addrinfo *ai) {
  (void)r;
  CHECK_EQ(status, UV_EAI_NONAME);
  CHECK(ai == NULL);
  resolved++;
}

static void on_name(uv_getnameinfo_t *r, int status, const char *host, const char *service) {
  CHECK_EQ(status, 0);
  CHECK_STR(host, "10.1.2.3");
  CHECK_STR(service, "8080");
  CHECK(host == r->host);
  named++;
}

int main(void) {
  char text[INET6_ADDRSTRLEN];
  struct sockaddr_in a4;
  struct sockaddr_in6 a6;

  CHECK_EQ(uv_ip4_addr("10.1.2.3", 8080, &a4), 0);
  CHECK_EQ(a4.sin_family, AF_INET);
  CHECK_EQ(ntohs(a4.sin_port), 8080);
  CHECK_EQ(ntohl(a4.sin_addr.s_addr), 0x0a010203);
  CHECK_EQ(uv_ip4_name(&a4, text, sizeof(text)), 0);
  CHECK_STR(text, "10.1.2.3");
  CHECK_EQ(uv_ip4_name(&a4, text, 4), UV_ENOSPC);
  CHECK_EQ(uv_ip4_addr("10.1.2", 80, &a4), UV_EINVAL);
  CHECK_EQ(uv_ip4_addr("::1", 80, &a4), UV_EINVAL);

  CHECK_EQ(uv_ip6_addr("fe80::1%eth0", 53, &a6), 0);
  CHECK_EQ(a6.sin6_family, AF_INET6);
  CHECK_EQ(ntohs(a6.sin6_port), 53);
  CHECK_EQ(a6.sin6_scope_id, 0);
  CHECK_EQ(uv_ip6_name(&a6, text, sizeof(text)), 0);
  CHECK_STR(text, "fe80::1");
  CHECK_EQ(uv_ip6_addr("1.2.3.4", 53, &a6), UV_EINVAL);

  unsigned char bin[16];
  CHECK_EQ(uv_inet_pton(AF_INET, "127.0.0.1", bin), 0);
  CHECK_EQ(bin[0], 127);
  CHECK_EQ(bin[3], 1);
  CHECK_EQ(uv_inet_pton(AF_INET6, "::ffff:1.2.3.4%lo", bin), 0);
  CHECK_EQ(bin[10], 0xff);
  CHECK_EQ(bin[15], 4);
  CHECK_EQ(uv_inet_pton(AF_UNIX, "x", bin), UV_EAFNOSUPPORT);
  CHECK_EQ(uv_inet_pton(AF_INET, "300.1.1.1", bin), UV_EINVAL);
  CHECK_EQ(uv_inet_ntop(AF_INET6, bin, text, sizeof(text)), 0);
  CHECK_STR(text, "::ffff:1.2.3.4");
  CHECK_EQ(uv_inet_ntop(AF_UNIX, bin, text, sizeof(text)), UV_EAFNOSUPPORT);

  /* No interfaces are visible. */
  size_t size = sizeof(text);
  CHECK_EQ(uv_if_indextoname(1, text, &size), UV_ENXIO);
  CHECK_EQ(uv_if_indextoiid(1, text, &size), UV_ENXIO);
  CHECK_EQ(uv_if_indextoname(1, NULL, &size), UV_EINVAL);

  /* The resolver, synchronously. */
  CHECK_EQ(uv_loop_init(&loop), 0);
  uv_getaddrinfo_t gai;
  struct addrinfo hints;
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  CHECK_EQ(uv_getaddrinfo(&loop, &gai, NULL, NULL, NULL, &hints), UV_EINVAL);
  CHECK_EQ(uv_getaddrinfo(&loop, &gai, NULL, "localhost", "80", &hints), 0);
  CHECK_EQ(gai.type, UV_GETADDRINFO);
  CHECK(gai.addrinfo != NULL);
  struct sockaddr_in *r4 = (struct sockaddr_in *)gai.addrinfo->ai_addr;
  CHECK_EQ(ntohl(r4->sin_addr.s_addr), 0x7f000001);
  CHECK_EQ(ntohs(r4->sin_port), 80);
  uv_freeaddrinfo(gai.addrinfo);
  CHECK_EQ(uv_getaddrinfo(&loop, &gai, NULL, "example.org", NULL, NULL), UV_EAI_NONAME);
  hints.ai_flags = 0x7000;
  CHECK_EQ(uv_getaddrinfo(&loop, &gai, NULL, "1.2.3.4", NULL, &hints), UV_EAI_BADFLAGS);

  uv_getnameinfo_t gni;
  CHECK_EQ(uv_ip4_addr("10.1.2.3", 8080, &a4), 0);
  CHECK_EQ(uv_getnameinfo(&loop, &gni, NULL, (struct sockaddr *)&a4, NI_NUMERICSERV), 0);
  CHECK_STR(gni.host, "10.1.2.3");
  CHECK_STR(gni.service, "8080");
  CHECK_EQ(uv_getnameinfo(&loop, &gni, NULL, NULL, 0), UV_EINVAL);

  /* And on the pool, with the results given to the callbacks. */
  uv_getaddrinfo_t g1, g2;
  uv_getnameinfo_t n1;
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_INET6;
  hints.ai_socktype = SOCK_STREAM;
  char node[16] = "::1";
  CHECK_EQ(uv_getaddrinfo(&loop, &g1, on_addrinfo, node, "443", &hints), 0);
  memset(node, 'x', sizeof(node) - 1);
  CHECK_EQ(uv_getaddrinfo(&loop, &g2, on_fail, "no.such.host", NULL, NULL), 0);
  CHECK_EQ(uv_getnameinfo(&loop, &n1, on_name, (struct sockaddr *)&a4, NI_NUMERICSERV), 0);
  CHECK_EQ(uv_run(&loop, UV_RUN_DEFAULT), 0);
  CHECK_EQ(resolved, 2);
  CHECK_EQ(named, 1);
  CHECK_EQ(uv_loop_close(&loop), 0);
  return test_summary();
}
