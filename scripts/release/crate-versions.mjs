// Writes the versions changesets keeps into the hand-written xenabi-linux crate's manifest:
// its own version (packages/rust-bindings/xenabi-linux/package.json) and the version of the
// xenabi crate it requires (packages/rust-bindings/package.json), in [dependencies] and
// [dev-dependencies]. The generated xenabi crate gets its version from `xenabi generate`.
// `npm run release:version` runs it; generators/test/release/changesets.test.ts fails while
// the manifest lags behind.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
export const LINUX_CRATE = 'packages/rust-bindings/xenabi-linux';

const versionOf = (dir) => JSON.parse(readFileSync(new URL(`${dir}/package.json`, ROOT), 'utf8')).version;

/** The manifest with `version` as the package's and `xenabi` as the version every xenabi dependency requires. */
export function withVersions(manifest, version, xenabi) {
  const pkg = /^(\[package\]\n(?:(?!\[)[^\n]*\n)*?)version = "[^"]*"$/m;
  const dep = /^(xenabi = \{ path = "\.\.", version = )"[^"]*"/gm;
  if (!pkg.test(manifest)) throw new Error(`${LINUX_CRATE}/Cargo.toml: no version = "…" line in [package]`);
  if (!dep.test(manifest)) throw new Error(`${LINUX_CRATE}/Cargo.toml: no xenabi = { path = "..", version = "…" } dependency`);
  return manifest.replace(pkg, `$1version = "${version}"`).replace(dep, `$1"${xenabi}"`);
}

/** What the manifest should say now: [its version, the xenabi crate's]. */
export function wantedVersions() {
  return [versionOf(LINUX_CRATE), versionOf('packages/rust-bindings')];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = new URL(`${LINUX_CRATE}/Cargo.toml`, ROOT);
  const before = readFileSync(path, 'utf8');
  const [version, xenabi] = wantedVersions();
  const after = withVersions(before, version, xenabi);
  if (after !== before) writeFileSync(path, after);
  console.log(`${LINUX_CRATE}/Cargo.toml: xenabi-linux ${version}, requires xenabi ${xenabi}${after === before ? ' (unchanged)' : ''}`);
}
