#!/usr/bin/env bash
# Runs CPython's own regression tests with the confined static python, one
# test module per interpreter (regrtest runs it in-process), and compares
# the result with expected-pass.txt:
#   - every module listed there must pass;
#   - a module that passes but is not listed is reported (add it: the list
#     only grows).
# Usage: cpython-glue/regrtest.sh [MODULE...]   (default: the expected list,
#        or every test module with CPYTHON_REGRTEST_ALL=1)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
"$here/build.sh" >&2 || exit 1
lib="$root/build/cpython-src/Lib"
expected="$here/expected-pass.txt"
if [ $# -gt 0 ]; then
  modules=("$@")
elif [ "${CPYTHON_REGRTEST_ALL:-}" = 1 ]; then
  mapfile -t modules < <(cd "$lib/test" && ls -d test_*.py test_*/ 2>/dev/null | sed 's#\.py$##; s#/$##' | sort)
else
  mapfile -t modules < <(grep -v '^#' "$expected" | grep -v '^$')
fi
results="$root/build/regrtest"
rm -rf "$results"
mkdir -p "$results"
pass=0 fail=0
passed=()
failed=()
for m in "${modules[@]}"; do
  work=$(mktemp -d)
  start=$(date +%s)
  CLOUDABI_WORKDIR="$work" timeout "${CPYTHON_REGRTEST_TIMEOUT:-180}" "$root/ci/python" -m test --tempdir=/work -q "$m" > "$results/$m.log" 2>&1 < /dev/null
  status=$?
  rm -rf "$work"
  secs=$(( $(date +%s) - start ))
  if [ $status -eq 0 ] && grep -q "^$m skipped" "$results/$m.log"; then
    # A module skipped as a whole (a missing module or resource) ran nothing.
    fail=$((fail + 1)); failed+=("$m")
    echo "regrtest: $m skipped as a whole, not counted as passed (${secs}s)"
  elif [ $status -eq 0 ]; then
    pass=$((pass + 1)); passed+=("$m")
    echo "regrtest: $m ok (${secs}s)"
  else
    fail=$((fail + 1)); failed+=("$m")
    echo "regrtest: $m FAILED, status $status (${secs}s; log in build/regrtest/$m.log)"
  fi
done
printf '%s\n' "${passed[@]}" > "$results/passed.txt"
echo "regrtest: ${#modules[@]} modules run: $pass passed, $fail failed"
# Sets, not `printf | grep -q` pipelines: under pipefail, grep's early
# exit can fail the printf with SIGPIPE and report a passed module.
declare -A ran=() ok=()
for m in "${modules[@]}"; do ran[$m]=1; done
for m in "${passed[@]}"; do ok[$m]=1; done
missing=0
while read -r m; do
  case "$m" in ''|'#'*) continue ;; esac
  if [ -n "${ran[$m]:-}" ] && [ -z "${ok[$m]:-}" ]; then
    echo "regrtest: expected to pass but failed: $m"
    missing=1
  fi
done < "$expected"
for m in "${passed[@]}"; do
  grep -qx "$m" "$expected" || echo "regrtest: passes but is not in expected-pass.txt: $m"
done
echo "$pass passed, $fail failed"
exit $missing
