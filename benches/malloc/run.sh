#!/bin/sh
# Builds benches/malloc/bench.c against this library (cloudabi-cc), glibc
# (host gcc, static, -pthread) and musl (musl-gcc, static), runs the three
# builds in alternation and prints, per case, the best ns per operation of
# each and the ratios ours/glibc and ours/musl from the same run. Ratios
# below 1 mean ours is faster. Takes about a minute; ROUNDS=n changes the
# number of alternations (default 3).
#
# Needs gcc with glibc's static libc.a (Debian: libc6-dev) and musl-gcc
# (Debian/Ubuntu: apt-get install -y musl-tools).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! command -v musl-gcc >/dev/null 2>&1; then
  echo "run.sh: musl-gcc not found; install it with: apt-get install -y musl-tools" >&2
  exit 1
fi
(cd "$root" && cargo build --release -q -p cloudlibc -p cloudabi-cc)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags="-O2 -w"
"$root/target/release/cloudabi-cc" $flags "$here/bench.c" -o "$out/ours"
gcc $flags -static -pthread "$here/bench.c" -o "$out/glibc"
musl-gcc $flags -static "$here/bench.c" -o "$out/musl"
rounds=${ROUNDS:-3}
for r in $(seq "$rounds"); do
  for lib in ours glibc musl; do
    "$out/$lib" | sed "s/^/$lib /" >>"$out/all"
  done
done
awk '
  { k = $2; v = $3
    if (!(k in order)) { order[k] = ++n; keys[n] = k }
    if (!((k, $1) in best) || v < best[k, $1]) best[k, $1] = v }
  END {
    printf "%-10s %10s %10s %10s %11s %10s\n", "ns per op", "ours", "glibc", "musl", "ours/glibc", "ours/musl"
    for (i = 1; i <= n; i++) {
      k = keys[i]
      o = best[k, "ours"]; g = best[k, "glibc"]; m = best[k, "musl"]
      printf "%-10s %10.1f %10.1f %10.1f %11.2f %10.2f\n", k, o, g, m, o / g, o / m
    }
  }' "$out/all"
