#!/usr/bin/env bash
# Obtains the pristine CPython 3.11.2 source from Debian's source package
# (python3.11_3.11.2.orig.tar.gz, identical to upstream Python-3.11.2.tgz),
# verifies its checksum and unpacks it. Debian's patches are not applied.
# Idempotent: enables deb-src once, downloads once, unpacks once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${CPYTHON_SRC_DIR:-$here/../build/cpython-src}"
tarball_dir="${CPYTHON_TARBALL_DIR:-$here/../build/download}"
sha256=2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849
name=python3.11_3.11.2.orig.tar.gz

if [ -f "$dest/.unpacked" ]; then
  echo "cpython-glue: source ready in $dest"
  exit 0
fi
mkdir -p "$tarball_dir"
if [ ! -f "$tarball_dir/$name" ] || ! echo "$sha256  $tarball_dir/$name" | sha256sum -c --quiet 2>/dev/null; then
  echo "cpython-glue: fetching $name from Debian's source package"
  sources=/etc/apt/sources.list.d/debian.sources
  if [ -f "$sources" ] && ! grep -q '^Types:.*deb-src' "$sources"; then
    sed -i 's/^Types: deb$/Types: deb deb-src/' "$sources"
  fi
  apt-get update -qq
  (cd "$tarball_dir" && apt-get source --download-only python3.11 >/dev/null 2>&1 || true)
  if [ ! -f "$tarball_dir/$name" ]; then
    echo "cpython-glue: apt-get source did not produce $name" >&2
    exit 1
  fi
fi
echo "$sha256  $tarball_dir/$name" | sha256sum -c --quiet || {
  echo "cpython-glue: checksum mismatch for $name" >&2
  exit 1
}
rm -rf "$dest"
mkdir -p "$dest"
tar -xzf "$tarball_dir/$name" -C "$dest" --strip-components=1
touch "$dest/.unpacked"
echo "cpython-glue: source unpacked in $dest"
