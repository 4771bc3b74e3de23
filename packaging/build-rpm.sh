#!/usr/bin/env bash
# Builds the RPM of the C headers (xenabi-devel, noarch) and its source RPM from the release
# tarball, as a distribution would: `make dist` gives Source0, rpmbuild runs
# packaging/rpm/xenabi.spec under a %_topdir of its own in OUTDIR. Unsigned.
#
#   packaging/build-rpm.sh OUTDIR   → OUTDIR/rpmbuild/RPMS/noarch/xenabi-devel-V-1.noarch.rpm, OUTDIR/rpmbuild/SRPMS/…
#
# --nodeps: on a Debian host rpm's database knows none of the build tools (make, gcc, g++),
# which dpkg installed; the spec still declares them for an RPM distribution's builders.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
headers="$here/../packages/c-headers"
out="${1:?usage: packaging/build-rpm.sh OUTDIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

command -v rpmbuild >/dev/null || { echo "build-rpm: rpmbuild is missing (Debian package rpm; scripts/ensure-toolchains.sh installs it)" >&2; exit 1; }

version="$(sed -n 's/^#define XENABI_VERSION_STRING "\(.*\)"$/\1/p' "$headers/include/xenabi/version.h")"
packaged="$(sed -n 's/^Version:[[:space:]]*//p' "$here/rpm/xenabi.spec")"
if [ "$packaged" != "$version" ]; then
  echo "build-rpm: packaging/rpm/xenabi.spec is at $packaged, the headers at $version (npm run release:version updates it)" >&2
  exit 1
fi

make -s -C "$headers" dist BUILD="$out/dist"
(cd "$out/dist" && sha256sum -c --quiet "xenabi-c-headers-$version.tar.gz.sha256")
top="$out/rpmbuild"
rm -rf "$top"
mkdir -p "$top/tmp"
rpmbuild -ba --nodeps \
  --define "_topdir $top" --define "_sourcedir $out/dist" --define "_tmppath $top/tmp" \
  "$here/rpm/xenabi.spec" >"$out/build.log" 2>&1 || {
  tail -40 "$out/build.log" >&2
  echo "build-rpm: rpmbuild failed; the whole log is $out/build.log" >&2
  exit 1
}
ls "$top"/RPMS/noarch/xenabi-devel-*.noarch.rpm
