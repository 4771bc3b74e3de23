// Sets the Version of packaging/rpm/xenabi.spec to the C headers' version, so that
// `changeset version` and the RPM agree; `npm run release:version` runs it. A new version
// starts again at Release 1. Does nothing when the spec already has the version.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
export const SPEC = new URL('packaging/rpm/xenabi.spec', ROOT);

/** The spec's `Version:`. */
export function specVersion(spec) {
  const m = /^Version:[ \t]*(\S+)[ \t]*$/m.exec(spec);
  if (!m) throw new Error('packaging/rpm/xenabi.spec: no "Version: …" line');
  return m[1];
}

/** The spec at `version` (Release 1), or unchanged when it is at that version. */
export function withSpecVersion(spec, version) {
  if (specVersion(spec) === version) return spec;
  return spec.replace(/^(Version:[ \t]*)\S+/m, `$1${version}`).replace(/^(Release:[ \t]*)\d+/m, '$11');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version } = JSON.parse(readFileSync(new URL('packages/c-headers/package.json', ROOT), 'utf8'));
  const before = readFileSync(SPEC, 'utf8');
  const after = withSpecVersion(before, version);
  if (after !== before) writeFileSync(SPEC, after);
  console.log(after !== before ? `packaging/rpm/xenabi.spec: now at ${version}` : `packaging/rpm/xenabi.spec: already at ${version}`);
}
