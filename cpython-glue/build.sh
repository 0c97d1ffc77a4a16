#!/usr/bin/env bash
# Builds a static CPython 3.11.2 `python` against this library with the
# unmodified configure, cross-compiling (so configure runs no test program)
# with cloudabi-cc as the compiler and MACHDEP=cloudabi, so that
# sys.platform == "cloudabi". Reuses a finished build when nothing changed.
#
# Output: build/cpython/python (the interpreter) and build/cpython-src/Lib
# (the standard library, granted read-only at run time).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
src="$root/build/cpython-src"
bld="$root/build/cpython"
stage() { echo "cpython-glue: $*"; }

stage "stage 1/5: source"
"$here/fetch.sh"

stage "stage 2/5: library and compiler wrapper"
(cd "$root" && cargo build --release --quiet -p cloudlibc -p cloudabi-cc -p cloudabi-run)
cc="$root/target/release/cloudabi-cc"

configure_args=(
  --host=x86_64-pc-linux-musl --build=x86_64-pc-linux-gnu
  --with-build-python=python3.11
  --prefix=/usr
  --disable-shared --without-ensurepip --with-pkg-config=no
  --disable-test-modules
  LDFLAGS=-static MODULE_BUILDTYPE=static
)
# What configure and the compiled objects depend on: the headers, the
# compiler wrapper, the cache answers and the configure line. The library
# itself only needs a relink.
# CPython's C-API test modules, built in statically (configure's
# --enable-test-modules would also ask for shared-only ones); many
# regression tests import _testcapi.
test_modules="_testcapi _testinternalcapi _testbuffer _testclinic"
config_stamp=$( (echo "${configure_args[*]} $test_modules"; cat "$cc" "$here/config.site" \
  $(find "$root/include" -type f | sort)) | sha256sum | cut -d' ' -f1)
link_stamp=$(sha256sum < "$root/target/release/libc.a" | cut -d' ' -f1)
stamp="$config_stamp $link_stamp"
if [ -x "$bld/python" ] && [ "$(cat "$bld/.stamp" 2>/dev/null)" = "$stamp" ]; then
  stage "stage 5/5: up to date, reusing $bld/python"
  exit 0
fi

stage "stage 3/5: configure"
mkdir -p "$bld"
cd "$bld"
if [ "$(cat .configured 2>/dev/null)" != "$config_stamp" ]; then
  rm -f .stamp
  [ -f Makefile ] && make clean > /dev/null 2>&1
  CONFIG_SITE="$here/config.site" MACHDEP=cloudabi CC="$cc" \
    "$src/configure" "${configure_args[@]}" \
      > configure.log 2>&1 || { tail -30 configure.log; stage "configure failed: see $bld/configure.log and config.log"; exit 1; }
  # On Linux hosts 3.11 builds the stdlib extensions as .so files unless
  # the generated module list is used as Setup.local.
  cp Modules/Setup.stdlib Modules/Setup.local
  for m in $test_modules; do
    sed -i "s/^#$m /$m /" Modules/Setup.local
  done
  echo "$config_stamp" > .configured
fi

stage "stage 4/5: make"
# A new libc.a changes no object file, only the link.
rm -f python
if ! make -k -j"$(nproc)" python > make.log 2>&1; then
  missing=$(grep -o "undefined reference to \`[^']*'" make.log | sort -u | sed "s/undefined reference to \`//; s/'//" | tr '\n' ' ')
  tail -20 make.log
  if [ -n "$missing" ]; then
    stage "link failed; functions missing from the library: $missing"
  else
    stage "make failed: see $bld/make.log"
  fi
  exit 1
fi
# The build-time configuration (sysconfig's _sysconfigdata module), which
# `python -m test` and sysconfig need; made with the build machine's python.
if ! make pybuilddir.txt >> make.log 2>&1; then
  tail -20 make.log
  stage "make pybuilddir.txt failed: see $bld/make.log"
  exit 1
fi
echo "$stamp" > .stamp
stage "stage 5/5: built $bld/python"
