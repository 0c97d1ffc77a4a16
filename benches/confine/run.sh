#!/usr/bin/env bash
# What kernel confinement costs at start-up: a trivial program (hello)
# started RUNS times confined (Landlock + seccomp, the default) and RUNS
# times --unconfined, alternating in rounds so that drift hits both alike;
# prints the mean time per start of each and their ratio, from one run.
# With hyperfine installed it also prints hyperfine's view of the same.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/cloudabi-cc -O2 tests/c/start/hello.c -o "$work/hello"
printf '%%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nstdout: !fd stdout\n' > "$work/hello.yaml"
run=target/release/cloudabi-run
runs=${RUNS:-200}
rounds=4

# Total nanoseconds for N starts with the given launcher options.
starts() {
  local n=$1
  shift
  local t0 t1
  t0=$(date +%s%N)
  for ((i = 0; i < n; i++)); do
    "$run" "$@" --config "$work/hello.yaml" "$work/hello" > /dev/null 2>&1
  done
  t1=$(date +%s%N)
  echo $((t1 - t0))
}

"$run" --config "$work/hello.yaml" "$work/hello" | grep -q 'hello, world' || {
  echo "hello does not run confined" >&2
  exit 1
}
confined=0
unconfined=0
for ((r = 0; r < rounds; r++)); do
  confined=$((confined + $(starts $((runs / rounds)))))
  unconfined=$((unconfined + $(starts $((runs / rounds)) --unconfined)))
done
n=$((runs / rounds * rounds))
awk -v c="$confined" -v u="$unconfined" -v n="$n" 'BEGIN {
  printf "start-up of hello, %d runs each (cloudabi-run, %s)\n", n, "mean per start"
  printf "  confined (Landlock + seccomp): %8.1f us\n", c / n / 1000
  printf "  --unconfined:                  %8.1f us\n", u / n / 1000
  printf "  ratio confined/unconfined:     %8.3f\n", c / u
}'

if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 10 --runs "$runs" \
    "$run --config $work/hello.yaml $work/hello" \
    "$run --unconfined --config $work/hello.yaml $work/hello"
fi
