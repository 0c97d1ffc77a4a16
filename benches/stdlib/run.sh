#!/usr/bin/env bash
# Throughput of strtod, strtol and qsort (10^6 ints) in this library
# against glibc (static) and musl (static, if musl-gcc is installed), all
# measured in the same run. Prints TSC cycles per call (per element for
# qsort; tenths, so 123 means 12.3) and our ratio to each.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=benches/stdlib/bench.c
target/release/cloudabi-cc -O2 "$src" -o "$work/ours"
gcc -O2 -static "$src" -o "$work/glibc"
libs="ours glibc"
if command -v musl-gcc >/dev/null; then
  musl-gcc -O2 -static "$src" -o "$work/musl"
  libs="$libs musl"
else
  echo "musl-gcc not found (apt-get install musl-tools): musl column skipped"
fi
for lib in $libs; do
  "$work/$lib" > "$work/$lib.out"
done
printf '%-8s %10s %10s %10s %12s %12s\n' bench ours glibc musl ours/glibc ours/musl
for bench in strtod strtol qsort; do
  o=$(awk -v b=$bench '$1 == b {print $2}' "$work/ours.out")
  g=$(awk -v b=$bench '$1 == b {print $2}' "$work/glibc.out")
  m=$( [ -f "$work/musl.out" ] && awk -v b=$bench '$1 == b {print $2}' "$work/musl.out" || echo -)
  awk -v b=$bench -v o="$o" -v g="$g" -v m="$m" 'BEGIN {
    rm = (m == "-") ? "-" : sprintf("%.2f", o / m);
    printf "%-8s %10.1f %10.1f %10s %12.2f %12s\n", b, o / 10, g / 10, (m == "-") ? "-" : sprintf("%.1f", m / 10), o / g, rm
  }'
done
