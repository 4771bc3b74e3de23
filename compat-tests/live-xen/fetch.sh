#!/usr/bin/env bash
# Fetches, once, what a live-Xen boot needs from Debian's mirror and unpacks it under
# .cache/live-xen/ (never into the system: each suite has a private apt configuration, so the
# machine's sources, lists and installed packages stay as they are).
#
#   fetch.sh SUITE   SUITE's Xen (hypervisor, toolstack, xenstore tools) and the shared-library
#                    closure they run on, unpacked into .cache/live-xen/SUITE/root
#   fetch.sh kernel  bookworm's linux-image-amd64 (its ABI name read from apt, not pinned) and
#                    busybox-static, unpacked into .cache/live-xen/kernel/root, and the kernel's
#                    ELF image taken out of its bzImage as .cache/live-xen/kernel/vmlinux
#
# Each target writes a stamp naming what it unpacked; with the stamp present it does nothing.
# Concurrent runs wait for each other (flock on .cache/live-xen/fetch.lock).
# Exit 2 on bad usage; any failed download fails with apt's message.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$REPO/.cache/live-xen"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
MIRROR=http://deb.debian.org/debian
SECURITY=http://deb.debian.org/debian-security

# The Xen release each suite ships.
declare -A XEN_OF=([bookworm]=4.17 [trixie]=4.20)
# Only library packages are followed through Depends: the toolstack's own Depends pull in
# python3, udev and init scripts, none of which a busybox dom0 runs.
LIBRARY_PACKAGE='^(lib|zlib1g)'

die() { echo "live-xen fetch: $*" >&2; exit "${2:-1}"; }

# Runs an apt command against SUITE's private configuration under $CACHE/apt/SUITE.
apt_in() {
  local suite=$1 dir="$CACHE/apt/$1"; shift
  "$@" -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts=/nonexistent \
    -o Dir::State::Lists="$dir/lists" -o Dir::State::status="$dir/status" -o Dir::Cache="$dir/cache" \
    -o Debug::NoLocking=1 -o APT::Architecture=amd64 -o APT::Architectures=amd64 \
    -o Acquire::Languages=none -o APT::Sandbox::User=root -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false
}

# A private apt view of SUITE (main, updates, security), updated once.
prepare_apt() {
  local suite=$1 dir="$CACHE/apt/$1"
  [ -f "$dir/updated" ] && return 0
  [ -f "$KEYRING" ] || die "Debian's archive keyring is missing: apt-get install debian-archive-keyring"
  mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
  : >"$dir/status"
  {
    echo "deb [signed-by=$KEYRING] $MIRROR $suite main"
    echo "deb [signed-by=$KEYRING] $MIRROR $suite-updates main"
    echo "deb [signed-by=$KEYRING] $SECURITY $suite-security main"
  } >"$dir/sources.list"
  # apt-get update exits 0 when an index failed to download unless told otherwise; a flaky
  # mirror gets three tries.
  retry 3 apt_in "$suite" apt-get update -qq --error-on=any
  ls "$dir/lists/"*_Packages* >/dev/null 2>&1 || die "apt-get update for $suite left no package lists in $dir/lists"
  touch "$dir/updated"
}

# Runs a command up to N times, 5 s apart, until it succeeds.
retry() {
  local tries=$1 i; shift
  for ((i = 1; i <= tries; i++)); do
    "$@" && return 0
    [ "$i" -lt "$tries" ] && { echo "live-xen fetch: try $i of $tries failed: $*" >&2; sleep 5; }
  done
  return 1
}

# Direct Depends/PreDepends of PACKAGES in SUITE that are libraries, one per line.
library_depends() {
  local suite=$1; shift
  apt_in "$suite" apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "$@" |
    awk '$1 == "Depends:" || $1 == "PreDepends:" { print $2 }' | grep -E "$LIBRARY_PACKAGE" | sort -u || true
}

# The libraries PACKAGES of SUITE run on: their library dependencies, followed through
# libraries only, breadth first (one apt-cache call per level).
library_closure() {
  local suite=$1; shift
  local -A seen=()
  local frontier=("$@") next
  while [ ${#frontier[@]} -gt 0 ]; do
    mapfile -t next < <(library_depends "$suite" "${frontier[@]}")
    frontier=()
    for pkg in "${next[@]}"; do
      [ -n "${seen[$pkg]:-}" ] && continue
      seen[$pkg]=1
      frontier+=("$pkg")
    done
  done
  printf '%s\n' "${!seen[@]}" | sort
}

# The .deb of PACKAGE in DIR that apt-get download left there.
deb_of() {
  local deb
  deb=$(ls "$1/${2}_"*.deb 2>/dev/null | head -n1)
  [ -n "$deb" ] || die "apt-get download left no .deb for $2 in $1"
  echo "$deb"
}

# Downloads PACKAGES of SUITE into $CACHE/debs/SUITE and unpacks them into ROOT.
download_and_unpack() {
  local suite=$1 root=$2; shift 2
  local debs="$CACHE/debs/$suite"
  mkdir -p "$debs" "$root"
  (cd "$debs" && retry 3 apt_in "$suite" apt-get download -qq "$@")
  for pkg in "$@"; do dpkg-deb -x "$(deb_of "$debs" "$pkg")" "$root"; done
}

fetch_xen() {
  local suite=$1 xen=${XEN_OF[$1]}
  local out="$CACHE/$suite" stamp="$CACHE/$suite/fetched"
  [ -f "$stamp" ] && return 0
  prepare_apt "$suite"
  local top=("xen-hypervisor-$xen-amd64" "xen-utils-$xen" xen-utils-common xenstore-utils)
  local libs
  mapfile -t libs < <(library_closure "$suite" "${top[@]}")
  [ ${#libs[@]} -gt 0 ] || die "no library packages found for Xen $xen in $suite"
  rm -rf "$out/root"
  download_and_unpack "$suite" "$out/root" "${top[@]}" "${libs[@]}"
  printf '%s\n' "${top[@]}" "${libs[@]}" >"$stamp"
  echo "live-xen fetch: Xen $xen from $suite: ${#top[@]} packages and ${#libs[@]} libraries in $out/root"
}

# The kernel files dom0 needs: the image, and the Xen device modules (the rest of the 400 MB
# module tree is never unpacked).
KERNEL_FILES=('./boot/vmlinuz-*' './lib/modules/*/kernel/drivers/xen/*')

# The ELF kernel inside a bzImage (Debian compresses it with xz). Xen would decompress it
# itself, but under QEMU's TCG that costs 15 s of every boot; here it costs one.
extract_vmlinux() {
  local bzimage=$1 out=$2 offset
  offset=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$bzimage" | head -n1 | cut -d: -f1)
  [ -n "$offset" ] || die "no xz stream in $bzimage: cannot take the ELF kernel out of it"
  # xz stops at the end of its stream, so tail may die of SIGPIPE: only xz's status counts.
  { tail -c +"$((offset + 1))" "$bzimage" || true; } | xz -dc --single-stream >"$out.tmp"
  [ "$(head -c 4 "$out.tmp" | od -An -c | tr -d ' ')" = '177ELF' ] || die "the xz stream in $bzimage is not an ELF kernel"
  mv "$out.tmp" "$out"
}

fetch_kernel() {
  local suite=bookworm out="$CACHE/kernel" stamp="$CACHE/kernel/fetched"
  [ -f "$stamp" ] && return 0
  prepare_apt "$suite"
  local image
  image=$(apt_in "$suite" apt-cache depends linux-image-amd64 | awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }')
  [ -n "$image" ] || die "apt-cache depends linux-image-amd64 names no kernel image in $suite"
  local debs="$CACHE/debs/$suite"
  mkdir -p "$debs"
  (cd "$debs" && retry 3 apt_in "$suite" apt-get download -qq "$image" busybox-static)
  rm -rf "$out/root" && mkdir -p "$out/root"
  dpkg-deb --fsys-tarfile "$(deb_of "$debs" "$image")" | tar -x -C "$out/root" --wildcards "${KERNEL_FILES[@]}"
  dpkg-deb -x "$(deb_of "$debs" busybox-static)" "$out/root"
  extract_vmlinux "$(ls "$out/root"/boot/vmlinuz-*)" "$out/vmlinux"
  printf '%s\n' "$image" busybox-static >"$stamp"
  echo "live-xen fetch: $image and busybox-static in $out/root"
}

[ $# -eq 1 ] || die "usage: fetch.sh bookworm|trixie|kernel" 2
# One fetch at a time: two releases boot together and both need bookworm's apt view and the kernel.
mkdir -p "$CACHE"
exec 9>"$CACHE/fetch.lock"
flock 9
case "$1" in
  kernel) fetch_kernel ;;
  bookworm | trixie) fetch_xen "$1" ;;
  *) die "unknown target '$1': expected bookworm, trixie or kernel" 2 ;;
esac
