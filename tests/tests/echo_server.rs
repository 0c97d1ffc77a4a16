//! A C program given a listening loopback socket by the launcher serves a
//! connection from this test: it waits for it with `poll`, takes it with
//! `accept`, reports both addresses, and echoes bytes until the client
//! shuts its side down. A program without the grant cannot make a socket.

use cloudlibc_tests::{compile, run, tools, TempDir};
use std::io::{Read, Write};
use std::net::{Ipv4Addr, Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const ECHO: &str = r#"
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void say(const char *s) { write(1, s, strlen(s)); }

static void say_addr(const char *what, const struct sockaddr_in *a) {
  char host[INET_ADDRSTRLEN], port[8];
  int n = sizeof(port);
  port[--n] = 0;
  unsigned p = ntohs(a->sin_port);
  do {
    port[--n] = '0' + p % 10;
    p /= 10;
  } while (p != 0);
  say(what);
  say(inet_ntop(AF_INET, &a->sin_addr, host, sizeof(host)));
  say(":");
  say(port + n);
  say("\n");
}

int main(void) {
  int listener = 3; /* the first descriptor after stdout and stderr */
  struct sockaddr_in me;
  socklen_t len = sizeof(me);
  if (getsockname(listener, (struct sockaddr *)&me, &len) != 0 || me.sin_family != AF_INET) return 10;
  say_addr("listening ", &me);
  if (listen(listener, 5) != 0) return 11;
  int type = 0;
  len = sizeof(type);
  if (getsockopt(listener, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_STREAM) return 12;
  if (socket(AF_INET, SOCK_STREAM, 0) != -1 || errno != EACCES) return 13;
  if (bind(listener, (struct sockaddr *)&me, sizeof(me)) != -1 || errno != ENOTCAPABLE) return 14;

  struct pollfd p = {listener, POLLIN, 0};
  if (poll(&p, 1, 10000) != 1 || !(p.revents & POLLIN)) return 15;
  struct sockaddr_in peer;
  len = sizeof(peer);
  int c = accept(listener, (struct sockaddr *)&peer, &len);
  if (c < 0) return 16;
  if (len != sizeof(peer)) return 17;
  say_addr("peer ", &peer);
  int one = 1;
  if (setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) != 0) return 18;
  if (connect(c, (struct sockaddr *)&peer, sizeof(peer)) != -1 || errno != ENOTCAPABLE) return 19;

  char buf[256];
  long total = 0;
  for (;;) {
    ssize_t n = recv(c, buf, sizeof(buf), 0);
    if (n < 0) return 20;
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = send(c, buf + done, n - done, 0);
      if (w <= 0) return 21;
      done += w;
    }
    total += n;
  }
  if (shutdown(c, SHUT_WR) != 0) return 22;
  close(c);
  say("echoed ");
  char digits[24];
  int i = sizeof(digits);
  digits[--i] = 0;
  do {
    digits[--i] = '0' + total % 10;
    total /= 10;
  } while (total != 0);
  say(digits + i);
  say("\n");
  return 0;
}
"#;

const NO_GRANT: &str = r#"
#include <errno.h>
#include <sys/socket.h>

int main(void) {
  int domains[] = {AF_INET, AF_INET6, AF_UNIX};
  int types[] = {SOCK_STREAM, SOCK_DGRAM};
  for (int d = 0; d < 3; d++)
    for (int t = 0; t < 2; t++)
      if (socket(domains[d], types[t], 0) != -1 || errno != EACCES) return 1;
  /* Nothing but stdout and stderr: no socket to accept from. */
  if (accept(3, 0, 0) != -1 || errno != EBADF) return 2;
  return 0;
}
"#;

/// Compiles `source` into a program in `dir`.
fn build(dir: &TempDir, name: &str, source: &str) -> PathBuf {
    let src = dir.0.join(format!("{name}.c"));
    std::fs::write(&src, source).unwrap();
    let bin = dir.0.join(name);
    compile(&[&src], &bin, &[]).unwrap();
    bin
}

/// A loopback port that was free a moment ago.
fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap().local_addr().unwrap().port()
}

/// Connects once the launcher has bound the port.
fn connect(port: u16) -> TcpStream {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        match TcpStream::connect((Ipv4Addr::LOCALHOST, port)) {
            Ok(s) => return s,
            Err(e) if Instant::now() < deadline => {
                assert_eq!(e.kind(), std::io::ErrorKind::ConnectionRefused, "{e}");
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("cannot connect to the program: {e}"),
        }
    }
}

#[test]
fn echo_server_on_a_granted_listening_socket() {
    tools();
    let dir = TempDir::new("echo");
    let bin = build(&dir, "echo", ECHO);
    let port = free_port();
    let yaml = format!(
        "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nstdout: !fd stdout\nstderr: !fd stderr\n\
         listener: !socket {{bind: '127.0.0.1:{port}', type: stream}}\n"
    );
    let server = std::thread::spawn(move || run(&bin, &yaml));
    let mut client = connect(port);
    client.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut sent = Vec::new();
    for i in 0..50u32 {
        let msg = format!("message {i} {}\n", "x".repeat(i as usize * 7));
        client.write_all(msg.as_bytes()).unwrap();
        let mut back = vec![0; msg.len()];
        client.read_exact(&mut back).unwrap();
        assert_eq!(back, msg.as_bytes());
        sent.extend_from_slice(msg.as_bytes());
    }
    client.shutdown(Shutdown::Write).unwrap();
    let mut rest = Vec::new();
    client.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
    let out = server.join().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "status {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}", out.status);
    let mine = client.local_addr().unwrap();
    let want = format!("listening 127.0.0.1:{port}\npeer 127.0.0.1:{}\nechoed {}\n", mine.port(), sent.len());
    assert_eq!(stdout, want);
}

#[test]
fn without_a_grant_no_socket_can_be_made() {
    tools();
    let dir = TempDir::new("nogrant");
    let bin = build(&dir, "nogrant", NO_GRANT);
    let out = run(&bin, "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nstdout: !fd stdout\nstderr: !fd stderr\n");
    assert!(out.status.success(), "status {:?}, stderr:\n{}", out.status, String::from_utf8_lossy(&out.stderr));
}
