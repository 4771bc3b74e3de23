#!/usr/bin/env bash
# Installs the Debian toolchains the compatibility tests need, only when some are missing.
# Idempotent: a machine that has them all runs no apt command at all.
set -euo pipefail

PACKAGES=(
  clang                      # compiles Xen's headers and ours for four targets (--target=)
  gcc g++                    # host C and C++ compilers
  gcc-i686-linux-gnu         # x86_32 (not gcc-multilib: it conflicts with the cross compilers)
  gcc-aarch64-linux-gnu      # arm64
  gcc-arm-linux-gnueabihf    # arm32
  libc6-dev-i386-cross libc6-dev-arm64-cross libc6-dev-armhf-cross
  linux-libc-dev             # Linux's Xen device headers (xen/privcmd.h, …) that abi/linux is checked against
  linux-libc-dev-i386-cross linux-libc-dev-arm64-cross linux-libc-dev-armhf-cross
  qemu-user                  # runs the Arm test programs
  libxen-dev                 # Xen 4.17's real public headers in /usr/include/xen
  abigail-tools              # abidiff, compared with xenabi check in bench/
  bindgen                    # the peer of xenabi generate in bench/
  qemu-system-x86            # boots Xen 4.17 and 4.20 under TCG in compat-tests/live-xen
  cpio xz-utils              # packs live-Xen's dom0 initramfs; takes the ELF kernel out of its bzImage
  make pkgconf               # make install of the C headers; a consumer finds them with pkg-config
  dpkg-dev debhelper         # builds libxenabi-dev from packaging/debian (compat-tests/packaging)
  rpm                        # rpmbuild, rpm2cpio: builds xenabi-devel from packaging/rpm (compat-tests/packaging)
  chromium                   # opens the docs site headless (compat-tests/site)
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
ensure_rust_src() {
  # core's sources let cargo check the Rust crate for x86, arm and aarch64 (-Zbuild-std=core)
  # on this x86_64 host, where no other target's standard library is installed.
  command -v rustup >/dev/null 2>&1 || return 0
  if rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then return 0; fi
  echo "toolchains: adding the rust-src component"
  rustup component add rust-src
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "toolchains: all ${#PACKAGES[@]} Debian packages present"
  ensure_rust_src
  exit 0
fi

echo "toolchains: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "toolchains: not root and no sudo; install these Debian packages: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
ensure_rust_src
