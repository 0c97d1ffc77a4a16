#!/usr/bin/env bash
# Thread primitives of this library against glibc (static, -pthread) and
# musl (musl-gcc, from musl-tools), ratios from one run: uncontended and
# contended mutexes, thread create+join, condition variable ping-pong.
# The library's binary runs directly (without cloudabi-run): it needs no
# descriptors beyond the standard ones.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=benches/threads/bench.c
target/release/cloudabi-cc -O2 "$src" -o "$work/ours"
gcc -O2 -static -pthread "$src" -o "$work/glibc"
have_musl=0
if command -v musl-gcc >/dev/null; then
  musl-gcc -O2 -static "$src" -o "$work/musl"
  have_musl=1
fi
"$work/ours" > "$work/ours.txt"
"$work/glibc" > "$work/glibc.txt"
if [ "$have_musl" = 1 ]; then "$work/musl" > "$work/musl.txt"; else : > "$work/musl.txt"; fi
awk '
  FILENAME ~ /ours/ { ours[$1] = $2; order[++n] = $1 }
  FILENAME ~ /glibc/ { glibc[$1] = $2 }
  FILENAME ~ /musl/ { musl[$1] = $2 }
  END {
    printf "%-20s %10s %10s %10s %12s %12s\n", "ns per op", "ours", "glibc", "musl", "ours/glibc", "ours/musl"
    for (i = 1; i <= n; i++) {
      k = order[i]
      m = (k in musl) ? sprintf("%10.1f", musl[k]) : sprintf("%10s", "-")
      rm = (k in musl && musl[k] > 0) ? sprintf("%12.2f", ours[k] / musl[k]) : sprintf("%12s", "-")
      printf "%-20s %10.1f %10.1f %s %12.2f %s\n", k, ours[k], glibc[k], m, ours[k] / glibc[k], rm
    }
  }' "$work/ours.txt" "$work/glibc.txt" "$work/musl.txt"
