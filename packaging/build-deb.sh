#!/usr/bin/env bash
# Builds the Debian source and binary packages of the C headers (libxenabi-dev) from the
# release tarball, as a distribution would: `make dist` gives the .orig.tar.gz, packaging/debian
# becomes its debian/ folder, dpkg-buildpackage does the rest. Unsigned.
#
#   packaging/build-deb.sh OUTDIR      → OUTDIR/libxenabi-dev_V-R_all.deb, xenabi_V-R.dsc, …
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
headers="$here/../packages/c-headers"
out="${1:?usage: packaging/build-deb.sh OUTDIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

for tool in dpkg-buildpackage dh; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (Debian packages dpkg-dev, debhelper; scripts/ensure-toolchains.sh installs them)" >&2; exit 1; }
done

version="$(sed -n 's/^#define XENABI_VERSION_STRING "\(.*\)"$/\1/p' "$headers/include/xenabi/version.h")"
packaged="$(dpkg-parsechangelog -l "$here/debian/changelog" -S Version)"
if [ "${packaged%-*}" != "$version" ]; then
  echo "build-deb: packaging/debian/changelog is at ${packaged%-*}, the headers at $version; add an entry (npm run release:version does)" >&2
  exit 1
fi

make -s -C "$headers" dist BUILD="$out/dist"
tarball="$out/dist/xenabi-c-headers-$version.tar.gz"
(cd "$out/dist" && sha256sum -c --quiet "xenabi-c-headers-$version.tar.gz.sha256")
cp "$tarball" "$out/xenabi_$version.orig.tar.gz"
rm -rf "$out/xenabi-$version"
tar -xzf "$out/xenabi_$version.orig.tar.gz" -C "$out"
mv "$out/xenabi-c-headers-$version" "$out/xenabi-$version"
cp -r "$here/debian" "$out/xenabi-$version/debian"
(cd "$out/xenabi-$version" && dpkg-buildpackage -us -uc --build=source,all >"$out/build.log" 2>&1) || {
  tail -40 "$out/build.log" >&2
  echo "build-deb: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
  exit 1
}
ls "$out"/libxenabi-dev_*_all.deb
