#!/bin/sh
# Throughput of exp, log, sin, pow (and expf, sinl) in this library against
# glibc (static) and musl (musl-gcc, from Debian's musl-tools), measured in
# the same run on the same machine. Prints nanoseconds per call and the
# ratio of each libc to ours (above 1: ours is faster). Usage:
#   benches/math/run.sh        (builds target/release first)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/bench-math
mkdir -p "$out"
cd "$root"
cargo build --release -q -p cloudlibc -p cloudabi-cc
src=$root/benches/math/bench.c
flags="-O2 -fno-builtin"
target/release/cloudabi-cc $flags "$src" -o "$out/ours"
gcc -static $flags "$src" -o "$out/glibc" -lm
if command -v musl-gcc >/dev/null 2>&1; then
  musl-gcc -static $flags "$src" -o "$out/musl" -lm
else
  echo "musl-gcc not found (apt-get install musl-tools): musl column skipped" >&2
fi

# Seconds taken by one run, best of three.
best() {
  b=
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    "$@"
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}

printf '%-6s %12s %12s %12s %10s %10s\n' function ours-ns glibc-ns musl-ns glibc/ours musl/ours
for f in exp log sin pow expf sinl; do
  calls=20000000
  [ "$f" = sinl ] && calls=5000000
  o=$(best "$out/ours" "$f")
  g=$(best "$out/glibc" "$f")
  on=$(echo "$o * 1000000000 / $calls" | bc -l)
  gn=$(echo "$g * 1000000000 / $calls" | bc -l)
  if [ -x "$out/musl" ]; then
    m=$(best "$out/musl" "$f")
    mn=$(echo "$m * 1000000000 / $calls" | bc -l)
    printf '%-6s %12.1f %12.1f %12.1f %10.2f %10.2f\n' "$f" "$on" "$gn" "$mn" "$(echo "$g / $o" | bc -l)" "$(echo "$m / $o" | bc -l)"
  else
    printf '%-6s %12.1f %12.1f %12s %10.2f %10s\n' "$f" "$on" "$gn" - "$(echo "$g / $o" | bc -l)" -
  fi
done
