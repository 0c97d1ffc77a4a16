#!/usr/bin/env bash
# Builds the same pristine CPython 3.11.2 source as build.sh, statically
# against musl with Debian's musl-gcc (musl-tools), for comparison: the same
# configure options and module set as our build as far as musl allows, a
# native Linux build (sys.platform == "linux") that runs unconfined.
# Reuses a finished build when nothing changed.
#
# Output: build/cpython-musl/python, which finds its standard library in
# build/cpython-src/Lib by itself (it runs from its build directory).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
src="$root/build/cpython-src"
bld="$root/build/cpython-musl"
stage() { echo "cpython-glue (musl): $*"; }

stage "stage 1/5: source"
"$here/fetch.sh"

stage "stage 2/5: musl-gcc"
if ! command -v musl-gcc > /dev/null; then
  apt-get install -y -qq musl-tools > /dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq musl-tools > /dev/null; }
fi
musl_gcc=$(command -v musl-gcc)
specs=$(sed -n 's/.*-specs "\([^"]*\)".*/\1/p' "$musl_gcc")
[ -f "$specs" ] || { stage "cannot find the specs file musl-gcc uses"; exit 1; }
musl_include=$(grep -o -- '-isystem /[^ ]*' "$specs" | head -1 | cut -d' ' -f2)
# musl-gcc is the host gcc with other specs, so `--print-multiarch` names
# glibc's triplet, which configure refuses next to the musl it detects; a
# gcc built for musl (Alpine's) prints an empty line, as this wrapper does.
mkdir -p "$bld"
cc="$bld/musl-cc"
printf '#!/bin/sh\n[ "$*" = --print-multiarch ] && { echo; exit 0; }\nexec %s "$@"\n' "$musl_gcc" > "$cc.new"
chmod +x "$cc.new"
mv "$cc.new" "$cc"

configure_args=(
  --prefix=/usr
  --disable-shared --without-ensurepip --with-pkg-config=no
  --disable-test-modules
  LDFLAGS=-static MODULE_BUILDTYPE=static
  # The example modules, left out of our build by config.site.
  py_cv_module_xxlimited=n/a py_cv_module_xxlimited_35=n/a
)
# What configure and the compiled objects depend on: the configure line,
# the wrappers, the specs and musl's headers; musl's libc.a only needs a
# relink.
# The C-API test modules build.sh builds in, but _testinternalcapi: built
# natively, the bootstrap _freeze_module links every built-in module and
# lacks the getpath code that one refers to.
test_modules="_testcapi _testbuffer _testclinic"
config_stamp=$( (echo "${configure_args[*]} $test_modules"; cat "$cc" "$musl_gcc" "$specs" \
  $(find "$musl_include" -type f | sort)) | sha256sum | cut -d' ' -f1)
link_stamp=$(sha256sum < "$(dirname "$specs")/libc.a" | cut -d' ' -f1)
stamp="$config_stamp $link_stamp"
if [ -x "$bld/python" ] && [ "$(cat "$bld/.stamp" 2>/dev/null)" = "$stamp" ]; then
  stage "stage 5/5: up to date, reusing $bld/python"
  exit 0
fi

stage "stage 3/5: configure"
cd "$bld"
if [ "$(cat .configured 2>/dev/null)" != "$config_stamp" ]; then
  rm -f .stamp
  [ -f Makefile ] && make clean > /dev/null 2>&1
  CC="$cc" "$src/configure" "${configure_args[@]}" \
    > configure.log 2>&1 || { tail -30 configure.log; stage "configure failed: see $bld/configure.log and config.log"; exit 1; }
  # As in build.sh: the generated module list as Setup.local builds every
  # extension module into the static interpreter.
  cp Modules/Setup.stdlib Modules/Setup.local
  for m in $test_modules; do
    sed -i "s/^#$m /$m /" Modules/Setup.local
  done
  echo "$config_stamp" > .configured
fi

stage "stage 4/5: make"
rm -f python
if ! make -j"$(nproc)" python > make.log 2>&1 || ! make pybuilddir.txt >> make.log 2>&1; then
  tail -20 make.log
  stage "make failed: see $bld/make.log"
  exit 1
fi
echo "$stamp" > .stamp
stage "stage 5/5: built $bld/python"
