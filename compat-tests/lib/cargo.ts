/**
 * The environment every cargo build of the tests runs with.
 *
 * - No debug info (`CARGO_PROFILE_DEV_DEBUG=0`; the test profile inherits the dev profile's
 *   setting): in the crate's test builds, debug info is a large part of code generation and
 *   linking (the layout, sets and vectors tests are megabytes of source), and nothing the
 *   tests assert reads it. Debug assertions and overflow checks stay on, every const
 *   assertion is still evaluated and every test still runs.
 * - No incremental compilation (`CARGO_INCREMENTAL=0`): CI builds on a clean clone, where
 *   incremental only adds the cost of saving its state, and each feature set of the crate is
 *   a crate of its own to cargo, so nothing incremental carries over between them either.
 *   (The cost: a developer's re-run after regenerating the crate rebuilds it whole.)
 *
 * Every test that shares a target folder must build with the same settings, or cargo sees a
 * different profile and builds everything again: compat-tests/rust, compat-tests/vectors and
 * compat-tests/rings share packages/rust-bindings/target (the rings' peer builds with the
 * release profile, which neither setting touches). The measurements are in
 * docs/performance.md ("Suite time").
 */
export const CARGO_ENV: Readonly<Record<string, string>> = {
  CARGO_TERM_COLOR: 'never',
  CARGO_PROFILE_DEV_DEBUG: '0',
  CARGO_INCREMENTAL: '0',
};
