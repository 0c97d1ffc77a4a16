/* <netdb.h> and <net/if.h> without a name service: numeric hosts and
 * localhost, services by number or name, numeric reverse lookups, the
 * built-in protocol and service tables, no interfaces. */
#include "test.h"
#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>

static void lookups(void) {
  struct addrinfo hints, *res;
  memset(&hints, 0, sizeof(hints));
  hints.ai_socktype = SOCK_STREAM;
  CHECK_EQ(getaddrinfo("192.0.2.1", "8080", &hints, &res), 0);
  CHECK_EQ(res->ai_family, AF_INET);
  CHECK_EQ(res->ai_socktype, SOCK_STREAM);
  CHECK_EQ(res->ai_protocol, IPPROTO_TCP);
  CHECK_EQ(res->ai_addrlen, sizeof(struct sockaddr_in));
  struct sockaddr_in *sin = (struct sockaddr_in *)res->ai_addr;
  CHECK_EQ(sin->sin_family, AF_INET);
  CHECK_EQ(ntohs(sin->sin_port), 8080);
  CHECK_EQ(ntohl(sin->sin_addr.s_addr), 0xc0000201);
  CHECK_STR(res->ai_canonname, "192.0.2.1");
  CHECK(res->ai_next == NULL);
  freeaddrinfo(res);

  hints.ai_family = AF_INET6;
  hints.ai_socktype = 0;
  CHECK_EQ(getaddrinfo("2001:db8::5", "https", &hints, &res), 0);
  CHECK_EQ(res->ai_family, AF_INET6);
  CHECK_EQ(res->ai_socktype, SOCK_STREAM);
  struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)res->ai_addr;
  CHECK_EQ(ntohs(sin6->sin6_port), 443);
  char buf[INET6_ADDRSTRLEN];
  CHECK_STR(inet_ntop(AF_INET6, &sin6->sin6_addr, buf, sizeof(buf)), "2001:db8::5");
  CHECK(res->ai_next == NULL);
  freeaddrinfo(res);

  /* No host: loopback, or the wildcard with AI_PASSIVE; IPv4 first. */
  memset(&hints, 0, sizeof(hints));
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_PASSIVE;
  CHECK_EQ(getaddrinfo(NULL, "5353", &hints, &res), 0);
  CHECK_EQ(res->ai_family, AF_INET);
  CHECK_EQ(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr, INADDR_ANY);
  CHECK_EQ(res->ai_next->ai_family, AF_INET6);
  CHECK_EQ(IN6_IS_ADDR_UNSPECIFIED(&((struct sockaddr_in6 *)res->ai_next->ai_addr)->sin6_addr), 1);
  freeaddrinfo(res);
  hints.ai_flags = 0;
  CHECK_EQ(getaddrinfo("localhost", "53", &hints, &res), 0);
  CHECK_EQ(ntohl(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr), INADDR_LOOPBACK);
  CHECK_EQ(IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)res->ai_next->ai_addr)->sin6_addr), 1);
  freeaddrinfo(res);

  CHECK_EQ(getaddrinfo("www.example.com", "80", NULL, &res), EAI_NONAME);
  CHECK_EQ(getaddrinfo("1.2.3.4", "no-such-service", NULL, &res), EAI_SERVICE);
  CHECK_EQ(getaddrinfo(NULL, NULL, NULL, &res), EAI_NONAME);
  hints.ai_family = 77;
  CHECK_EQ(getaddrinfo("1.2.3.4", "80", &hints, &res), EAI_FAMILY);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = 5;
  CHECK_EQ(getaddrinfo("1.2.3.4", "80", &hints, &res), EAI_SOCKTYPE);
  hints.ai_socktype = 0;
  hints.ai_flags = 0x4000;
  CHECK_EQ(getaddrinfo("1.2.3.4", "80", &hints, &res), EAI_BADFLAGS);
  CHECK_STR(gai_strerror(EAI_NONAME), "Name does not resolve");
  CHECK(gai_strerror(12345) != NULL);
}

static void reverse(void) {
  struct sockaddr_in sin;
  memset(&sin, 0, sizeof(sin));
  sin.sin_family = AF_INET;
  sin.sin_port = htons(22);
  sin.sin_addr.s_addr = htonl(0x0a000002);
  char host[NI_MAXHOST], serv[NI_MAXSERV];
  CHECK_EQ(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), serv, sizeof(serv), 0), 0);
  CHECK_STR(host, "10.0.0.2");
  CHECK_STR(serv, "ssh");
  CHECK_EQ(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), serv, sizeof(serv), NI_NUMERICSERV), 0);
  CHECK_STR(serv, "22");
  CHECK_EQ(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, 4, NULL, 0, 0), EAI_OVERFLOW);
  CHECK_EQ(getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0, NI_NAMEREQD), EAI_NONAME);
  CHECK_EQ(getnameinfo((struct sockaddr *)&sin, 4, host, sizeof(host), NULL, 0, 0), EAI_FAMILY);
}

static void databases(void) {
  struct protoent *p = getprotobyname("udp");
  CHECK(p != NULL && p->p_proto == IPPROTO_UDP);
  p = getprotobynumber(IPPROTO_TCP);
  CHECK(p != NULL);
  CHECK_STR(p->p_name, "tcp");
  CHECK(getprotobyname("no-such-protocol") == NULL);
  struct servent *s = getservbyname("http", "tcp");
  CHECK(s != NULL && ntohs(s->s_port) == 80);
  s = getservbyport(htons(53), "udp");
  CHECK(s != NULL);
  CHECK_STR(s->s_name, "domain");
  CHECK_STR(s->s_proto, "udp");
  setservent(0);
  int n = 0;
  while (getservent() != NULL) n++;
  endservent();
  CHECK(n > 20);
  setprotoent(0);
  CHECK(getprotoent() != NULL);
  endprotoent();

  struct hostent *h = gethostbyname("127.0.0.1");
  CHECK(h != NULL && h->h_addrtype == AF_INET && h->h_length == 4);
  CHECK(gethostbyname("example.org") == NULL);
  CHECK_EQ(h_errno, HOST_NOT_FOUND);
  CHECK(gethostbyaddr("\x7f\0\0\x01", 4, AF_INET) == NULL);
  sethostent(1);
  CHECK(gethostent() == NULL);
  endhostent();
  CHECK(getnetent() == NULL);
  CHECK(getnetbyname("loopback") == NULL);
}

static void interfaces(void) {
  CHECK_EQ(if_nametoindex("lo"), 0);
  char name[IF_NAMESIZE];
  CHECK(if_indextoname(1, name) == NULL);
  CHECK_EQ(errno, ENXIO);
  struct if_nameindex *list = if_nameindex();
  CHECK(list != NULL);
  if (list != NULL) {
    CHECK_EQ(list[0].if_index, 0);
    CHECK(list[0].if_name == NULL);
    if_freenameindex(list);
  }
}

int main(void) {
  lookups();
  reverse();
  databases();
  interfaces();
  return test_summary();
}
