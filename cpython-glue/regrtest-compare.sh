#!/usr/bin/env bash
# Runs CPython test modules on the static musl build of the same source
# (build-musl.sh) and, with --ours, on our confined build as regrtest.sh
# runs it, and counts for each the modules run, passed, failed and skipped
# as a whole (a missing module or resource: nothing ran).
# Both run `python -m test -q MODULE`, one module per interpreter, in a
# fresh temporary directory (HOME, TMPDIR, the current directory and
# --tempdir), with LC_ALL=C.UTF-8 and a timeout. The musl build is a plain
# Linux program and runs unconfined, as nobody when started by root (ours
# runs as nobody then too: permission tests skip for root).
# Usage: cpython-glue/regrtest-compare.sh [--ours] [MODULE...]
#        cpython-glue/regrtest-compare.sh --list   (print the default list)
#   default modules: those the issue names and those in expected-pass.txt;
#   CPYTHON_OURS=DIR: use another checkout's finished build for ours;
#   CPYTHON_REGRTEST_TIMEOUT: seconds per module (default 180).
# Logs and one "MODULE STATUS" line per module: build/regrtest-compare/.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
issue_list="test_grammar test_builtin test_math test_float test_format
  test_unicode test_string test_bytes test_int test_long test_list test_dict
  test_set test_json test_re test_struct test_io test_fileio test_os
  test_time test_datetime test_strtod test_codecs test_exceptions test_types
  test_random test_statistics test_threading test_decimal test_pickle
  test_functools test_itertools test_collections test_enum test_dataclasses
  test_typing test_fstring"
default_list() {
  printf '%s\n' $issue_list
  grep -v '^#' "$here/expected-pass.txt" | grep -v '^$' | grep -vxF -f <(printf '%s\n' $issue_list)
}

builds=(musl)
case "${1:-}" in
  --list) default_list; exit 0 ;;
  --ours) builds+=(ours); shift ;;
esac
if [ $# -gt 0 ]; then
  modules=("$@")
else
  mapfile -t modules < <(default_list)
fi

"$here/build-musl.sh" >&2 || exit 1
musl="$root/build/cpython-musl/python"
as_nobody=()
[ "$(id -u)" = 0 ] && as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
if [ "${builds[1]:-}" = ours ]; then
  ours="${CPYTHON_OURS:-$root}"
  [ -n "${CPYTHON_OURS:-}" ] || "$here/build.sh" >&2 || exit 1
  config=$(mktemp)
  trap 'rm -f "$config"' EXIT
fi

# Runs module $2 on build $1 in the fresh directory $3; prints the status.
run_one() {
  local build=$1 m=$2 work=$3 status
  local test_args=(-m test --tempdir="$work" -q "$m")
  if [ "$build" = musl ]; then
    (cd "$work" && timeout "${CPYTHON_REGRTEST_TIMEOUT:-180}" env -i PATH=/usr/bin:/bin \
      LC_ALL=C.UTF-8 HOME="$work" TMPDIR="$work" "${as_nobody[@]}" "$musl" "${test_args[@]}")
  else
    test_args[2]=--tempdir=/work
    "$here/grants.sh" "$ours" "$work" "$work" "${test_args[@]}" > "$config" &&
      timeout "${CPYTHON_REGRTEST_TIMEOUT:-180}" "$ours/target/release/cloudabi-run" \
        --config "$config" "$ours/build/cpython/python"
  fi
}

results="$root/build/regrtest-compare"
rm -rf "$results"
declare -A count
for b in "${builds[@]}"; do
  mkdir -p "$results/$b"
  count[$b.passed]=0 count[$b.failed]=0 count[$b.skipped]=0
done
for m in "${modules[@]}"; do
  line=$(printf '%-22s' "$m")
  for b in "${builds[@]}"; do
    work=$(mktemp -d)
    chmod 0777 "$work"
    start=$(date +%s)
    run_one "$b" "$m" "$work" > "$results/$b/$m.log" 2>&1 < /dev/null
    status=$?
    secs=$(( $(date +%s) - start ))
    rm -rf "$work"
    log="$results/$b/$m.log"
    if [ $status -eq 0 ] && grep -q "^$m skipped" "$log"; then
      result=skipped
    elif [ $status -eq 0 ]; then
      result=passed
    else
      result=failed
    fi
    count[$b.$result]=$((count[$b.$result] + 1))
    # regrtest -q's one-line summary: "test_x failed (3 errors, 1 failure)".
    why=$(grep -m1 "^$m failed (" "$log" | sed "s/^$m failed (//; s/)\$//")
    [ $status -eq 124 ] && why="timed out"
    [ -z "$why" ] && [ $result = failed ] && why="status $status"
    echo "$m $result${why:+ ($why)}" >> "$results/$b.txt"
    line="$line  $b: $(printf '%-7s %4ss' "$result" "$secs")${why:+ $why}"
  done
  echo "$line"
done
for b in "${builds[@]}"; do
  echo "$b: ${#modules[@]} modules run: ${count[$b.passed]} passed, ${count[$b.failed]} failed, ${count[$b.skipped]} skipped"
done
