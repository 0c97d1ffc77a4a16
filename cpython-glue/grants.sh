#!/usr/bin/env bash
# Prints the cloudabi-run configuration with which ci/python runs the static
# python (see there for the grants), for ci/python and for scripts that
# start the interpreter many times or from another checkout's build.
# Usage: cpython-glue/grants.sh BUILD_ROOT WORKDIR SCRIPTDIR [ARG...]
#   BUILD_ROOT: a checkout with a finished build (cpython-glue/build.sh);
#   WORKDIR, SCRIPTDIR: granted as /work (writable) and /script (read-only);
#   ARG...: the interpreter's arguments (after argv[0]).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -lt 3 ]; then
  echo "usage: cpython-glue/grants.sh BUILD_ROOT WORKDIR SCRIPTDIR [ARG...]" >&2
  exit 2
fi
build_root=$1 work=$2 scriptdir=$3
shift 3
bld="$build_root/build/cpython"
lib="$build_root/build/cpython-src/Lib"
platlib=$(ls -d "$bld"/build/lib.* 2>/dev/null | head -1 || true)
# sys.executable is /usr/bin/python3.11; programs like platform.libc_ver()
# read it, so the interpreter is granted read-only under that name (a hard
# link: a symbolic link would point outside the grant).
bindir="$root/build/bin"
mkdir -p "$bindir"
ln -f "$bld/python" "$bindir/python3.11"
# The program runs as an unprivileged user when started by root.
chmod 0777 "$work"
# /usr/lib holds nothing but the standard library: an empty directory
# granted under that name makes the other names on sys.path (such as
# /usr/lib/python311.zip) simply absent (ENOENT) rather than out of reach.
empty="$root/build/empty"
mkdir -p "$empty"
# Time zone data, read-only, where the system has it (zoneinfo reads it).
zoneinfo=
if [ -d /usr/share/zoneinfo ]; then
  zoneinfo="  /usr/share/zoneinfo: !file {path: /usr/share/zoneinfo}"
fi
yaml_str() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
args=""
for a in "$@"; do args="$args${args:+, }$(yaml_str "$a")"; done
cat <<YAML
%TAG ! tag:nuxi.nl,2015:cloudabi/
---
stdin: !fd stdin
stdout: !fd stdout
stderr: !fd stderr
argv0: /usr/bin/python3.11
args: [$args]
env:
  PYTHONHOME: /usr
  LC_ALL: C.UTF-8
  HOME: /work
  TMPDIR: /work
dirs:
  /usr/lib: !file {path: $(yaml_str "$empty")}
  /usr/lib/python3.11: !file {path: $(yaml_str "$lib")}
  /usr/lib/python3.11/lib-dynload: !file {path: $(yaml_str "${platlib:-$lib}")}
  /usr/bin: !file {path: $(yaml_str "$bindir"), exec: true}
  /script: !file {path: $(yaml_str "$scriptdir")}
  /work: !file {path: $(yaml_str "$work"), write: true}
  /dev/null: !file {path: /dev/null, write: true}
$zoneinfo
cwd: /work
YAML
