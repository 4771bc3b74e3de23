#!/usr/bin/env bash
# The changeset check of a pull request: every package changed since BASE (the merge base of
# the pull request and its target branch) has a pending changeset in .changeset/.
#
#   XENABI_CHANGESET_BASE=<revision> bash scripts/release/changeset-check.sh   (npm run changeset:check)
#
# It needs a base: on main itself there is no pull request to compare, and a default such as
# origin/main would make the result depend on a remote this clone may not have. Exit 0 when
# every changed package has a changeset, 1 when one lacks it, 2 when
# the base is unset or not a commit of this clone.
set -euo pipefail
# changesets' own command, from xenabi's node_modules, run in the current folder's repository.
CHANGESET="$(dirname "$0")/../../node_modules/@changesets/cli/bin.js"

BASE="${XENABI_CHANGESET_BASE:-}"
if [ -z "$BASE" ]; then
  echo "changeset check: XENABI_CHANGESET_BASE is not set. Set it to the pull request's merge base, e.g." >&2
  echo "  XENABI_CHANGESET_BASE=\"\$(git merge-base origin/main HEAD)\" npm run changeset:check" >&2
  exit 2
fi
if ! git rev-parse --quiet --verify "$BASE^{commit}" >/dev/null; then
  echo "changeset check: XENABI_CHANGESET_BASE=$BASE is not a commit of this clone; fetch it (docs/ci.md)." >&2
  exit 2
fi
if ! node "$CHANGESET" status --since="$BASE"; then
  echo "changeset check: a package changed since $BASE without a committed changeset: add one (npx changeset; for abi/, npx xenabi check --against $BASE --changeset)." >&2
  exit 1
fi
