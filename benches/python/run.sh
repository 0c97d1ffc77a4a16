#!/usr/bin/env bash
# Pure-Python speed of our static CPython 3.11.2 against the same source
# built statically with musl (cpython-glue/build-musl.sh) and the host's
# /usr/bin/python3.11 (Debian's glibc build, with PGO and LTO and some
# extension modules as shared objects: another build, not only another
# libc), from one run:
#   - start-up: `python -c pass`, wall time of the whole command seen from
#     the host (median of RUNS starts, the commands taking turns). Ours is
#     started by cloudabi-run, confined (as ci/python) and --unconfined, so
#     the launcher's start-up is included; "launcher+hello" is the launcher
#     starting a trivial C program with the same grants instead;
#   - bench.py inside each interpreter (milliseconds): string formatting,
#     float parsing and repr, dict and list work, file I/O in the work
#     directory; the best of ROUNDS rounds in which the interpreters take
#     turns, each round the best of two runs in one process.
# Ours is this checkout's build, or with CPYTHON_OURS=DIR the finished
# build of another checkout. The last columns are our (confined) ratios.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=${RUNS:-40}
rounds=${ROUNDS:-4}
ours="${CPYTHON_OURS:-$root}"
[ -n "${CPYTHON_OURS:-}" ] || "$root/cpython-glue/build.sh" >&2
"$root/cpython-glue/build-musl.sh" >&2
musl="$root/build/cpython-musl/python"
glibc=/usr/bin/python3.11
run="$ours/target/release/cloudabi-run"
python="$ours/build/cpython/python"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$ours/target/release/cloudabi-cc" -O2 "$root/tests/c/start/hello.c" -o "$work/hello"
"$root/cpython-glue/grants.sh" "$ours" "$work" "$here" -c pass > "$work/pass.yaml"
"$root/cpython-glue/grants.sh" "$ours" "$work" "$here" /script/bench.py 2 > "$work/bench.yaml"
# The host's interpreters get the environment ours is granted.
host_env=(env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 HOME="$work" TMPDIR="$work")
q() { printf '%q ' "$@"; }
cd "$work"

"${host_env[@]}" "$glibc" "$here/startup.py" "$runs" \
  ours "$(q "$run" --config pass.yaml "$python")" \
  ours-unconfined "$(q "$run" --unconfined --config pass.yaml "$python")" \
  launcher+hello "$(q "$run" --config pass.yaml hello)" \
  launcher+hello-unconfined "$(q "$run" --unconfined --config pass.yaml hello)" \
  musl "$(q "$musl" -c pass)" \
  glibc "$(q "$glibc" -c pass)" > startup.out
for ((r = 0; r < rounds; r++)); do
  "$run" --config bench.yaml "$python" >> ours.out
  "$run" --unconfined --config bench.yaml "$python" >> ours-unconfined.out 2> >(grep -v 'warning: --unconfined' >&2)
  "${host_env[@]}" "$musl" "$here/bench.py" 2 >> musl.out
  "${host_env[@]}" "$glibc" "$here/bench.py" 2 >> glibc.out
done

echo "python -c pass: ms, median of $runs starts (fastest in brackets); bench.py: ms, best of $rounds rounds"
printf '%-26s %15s %15s %15s %15s %10s %10s\n' bench ours ours-unconf musl glibc ours/musl ours/glibc
startup() { awk -v n="$1" '$1 == n { printf "%.2f [%.2f]", $2, $3 }' startup.out; }
median() { awk -v n="$1" '$1 == n { print $2 }' startup.out; }
printf '%-26s %15s %15s %15s %15s %10.2f %10.2f\n' "python -c pass" "$(startup ours)" "$(startup ours-unconfined)" \
  "$(startup musl)" "$(startup glibc)" "$(awk -v a="$(median ours)" -v b="$(median musl)" 'BEGIN { print a / b }')" \
  "$(awk -v a="$(median ours)" -v b="$(median glibc)" 'BEGIN { print a / b }')"
printf '%-26s %15s %15s\n' "launcher+hello" "$(startup launcher+hello)" "$(startup launcher+hello-unconfined)"
for b in $(awk '!seen[$1]++ { print $1 }' ours.out); do
  awk -v b="$b" '$1 == b && (!(FILENAME in t) || $2 * 1000 < t[FILENAME]) { t[FILENAME] = $2 * 1000 } END {
    o = t["ours.out"]; m = t["musl.out"]; g = t["glibc.out"]
    printf "%-26s %15.1f %15.1f %15.1f %15.1f %10.2f %10.2f\n", b, o, t["ours-unconfined.out"], m, g, o / m, o / g
  }' ours.out ours-unconfined.out musl.out glibc.out
done
