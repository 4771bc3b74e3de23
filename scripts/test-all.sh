#!/usr/bin/env bash
# Every test xenabi has, in one command (the README's test command; .ci/run runs it).
# Installs what a fresh Debian machine lacks: Debian toolchains, then npm packages.
# Under CI=true a compatibility test whose toolchain is missing fails; it never skips.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchains"
bash scripts/ensure-toolchains.sh

# The build type-checks the committed TypeScript package (tsc -b packages/ts-bindings):
# `generate` does not load the TypeScript compiler; the tests check every release's package.
step "npm packages and build"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm run build
fi

step "type-check the ABI modules"
npx tsc -p abi --noEmit

step "type-check the device-model examples"
npx tsc -p docs/examples/ts
npx tsc -p compat-tests/live-xen/dm-ts

step "generated output is up to date"
node generators/bin/xenabi.js generate --check

# A pull request's CI names its merge base; every package it changes then needs a changeset.
# Without one (main's CI, .ci/run, a developer's run) there is nothing to compare: say so.
if [ -n "${XENABI_CHANGESET_BASE:-}" ]; then
  step "changesets for what changed since $XENABI_CHANGESET_BASE"
  bash scripts/release/changeset-check.sh
else
  step "changesets: not checked (no pull request: XENABI_CHANGESET_BASE is unset, docs/ci.md)"
fi

step "unit, golden and compatibility tests"
mkdir -p .cache
rm -f .cache/vitest.json .cache/vitest-file-times.json
npx vitest run --reporter=default --reporter=json --outputFile.json=.cache/vitest.json \
  --reporter=./scripts/file-times-reporter.mjs

node scripts/summarize-tests.mjs .cache/vitest.json --file-times .cache/vitest-file-times.json
