#!/usr/bin/env bash
# npm run release:version: applies the pending changesets, then brings every file that carries
# a version along with them, so a release commit is complete and CI's --locked builds pass.
set -euo pipefail
cd "$(dirname "$0")/../.."

# package.json versions and CHANGELOG.md files.
npx changeset version
# The hand-written xenabi-linux crate's version, and the xenabi version it requires.
node scripts/release/crate-versions.mjs
# The generated outputs that carry a version: the xenabi crate's Cargo.toml, xenabi/version.h.
npm run build
node generators/bin/xenabi.js generate
# The lock files that name our crates (their registry dependencies stay as locked).
for manifest in packages/rust-bindings/Cargo.toml packages/rust-bindings/xenabi-linux/Cargo.toml docs/examples/rust/Cargo.toml; do
  cargo update --workspace --manifest-path "$manifest"
done
# Debian's changelog and the RPM spec follow the C headers.
node scripts/release/debian-changelog.mjs
node scripts/release/rpm-version.mjs
npm install --package-lock-only --no-audit --no-fund
