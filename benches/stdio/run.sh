#!/usr/bin/env bash
# stdio throughput in this library against glibc (static) and musl (static,
# if musl-gcc is installed), measured in the same run: snprintf of %d, %s,
# %.17g and large %f (cycles per call), 100 MiB through FILE in 4 KiB and
# 1-byte fwrite/fread calls (cycles per call), and fgets over a 100 MiB
# text file (cycles per line). Figures are tenths of TSC cycles, so 123
# means 12.3; the last columns are our ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=benches/stdio/bench.c
target/release/cloudabi-cc -O2 "$src" -o "$work/ours"
gcc -O2 -static "$src" -o "$work/glibc"
libs="ours glibc"
if command -v musl-gcc >/dev/null; then
  musl-gcc -O2 -static "$src" -o "$work/musl"
  libs="$libs musl"
else
  echo "musl-gcc not found (apt-get install musl-tools): musl column skipped"
fi
# The input files: 100 MiB of bytes, and 100 MiB of lines up to 200 bytes.
head -c $((100 << 20)) /dev/urandom > "$work/data"
awk 'BEGIN { srand(1); while (n < 104857600) { l = int(rand() * 200); s = sprintf("%*s", l, ""); gsub(/ /, "y", s); print s; n += l + 1 } }' > "$work/text"
for lib in $libs; do
  {
    "$work/$lib" format
    "$work/$lib" write4k > "$work/out"
    "$work/$lib" write1 > "$work/out"
    "$work/$lib" read4k < "$work/data"
    "$work/$lib" read1 < "$work/data"
    "$work/$lib" fgets < "$work/text"
  } 2> "$work/$lib.out"
done
printf '%-13s %10s %10s %10s %12s %12s\n' bench ours glibc musl ours/glibc ours/musl
for bench in snprintf_d snprintf_s snprintf_g17 snprintf_f write4k write1 read4k read1 fgets; do
  o=$(awk -v b=$bench '$1 == b {print $2}' "$work/ours.out")
  g=$(awk -v b=$bench '$1 == b {print $2}' "$work/glibc.out")
  m=$( [ -f "$work/musl.out" ] && awk -v b=$bench '$1 == b {print $2}' "$work/musl.out" || echo -)
  awk -v b=$bench -v o="$o" -v g="$g" -v m="$m" 'BEGIN {
    rm = (m == "-") ? "-" : sprintf("%.2f", o / m);
    printf "%-13s %10.1f %10.1f %10s %12.2f %12s\n", b, o / 10, g / 10, (m == "-") ? "-" : sprintf("%.1f", m / 10), o / g, rm
  }'
done
