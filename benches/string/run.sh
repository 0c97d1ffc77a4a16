#!/bin/sh
# Builds benches/string/bench.c against this library (cloudabi-cc), glibc
# (host gcc, static) and musl (musl-gcc, static), runs the three builds in
# alternation and prints, per function and size, the best time per call of
# each and the ratios ours/glibc and ours/musl. Ratios below 1 mean ours
# is faster. Takes about half a minute.
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
flags="-O2 -fno-builtin -w"
"$root/target/release/cloudabi-cc" $flags "$here/bench.c" -o "$out/ours"
gcc $flags -static "$here/bench.c" -o "$out/glibc"
musl-gcc $flags -static "$here/bench.c" -o "$out/musl"
rounds=${ROUNDS:-3}
for r in $(seq "$rounds"); do
  for lib in ours glibc musl; do
    "$out/$lib" | sed "s/^/$lib /" >>"$out/all"
  done
done
awk '
  { k = $2 " " $3; v = $4 / 1000.0
    if (!(k in order)) { order[k] = ++n; keys[n] = k }
    if (!((k, $1) in best) || v < best[k, $1]) best[k, $1] = v }
  END {
    printf "%-8s %8s %12s %12s %12s %9s %9s\n", "function", "size", "ours ns", "glibc ns", "musl ns", "/glibc", "/musl"
    for (i = 1; i <= n; i++) {
      k = keys[i]; split(k, p, " ")
      o = best[k, "ours"]; g = best[k, "glibc"]; m = best[k, "musl"]
      printf "%-8s %8d %12.2f %12.2f %12.2f %9.2f %9.2f\n", p[1], p[2], o, g, m, o / g, o / m
    }
  }' "$out/all"
