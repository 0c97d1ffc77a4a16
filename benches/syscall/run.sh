#!/usr/bin/env bash
# Measures the emulator's overhead: one emulated fd_read of 1 byte and one
# openat (fd_stat_get + file_open via openat2) against the raw Linux calls,
# ratios from one run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/cloudabi-cc -O2 benches/syscall/bench.c -o "$work/bench"
mkdir "$work/dir"
echo data > "$work/dir/f"
cat > "$work/bench.yaml" <<YAML
%TAG ! tag:nuxi.nl,2015:cloudabi/
---
stdin: !fd stdin
stdout: !fd stdout
dir: !file {path: $work/dir}
YAML
target/release/cloudabi-run --config "$work/bench.yaml" "$work/bench" < /dev/zero
