// Adds the Debian changelog entry of a new C-headers version (packaging/debian/changelog), so
// that `changeset version` and the Debian package agree; `npm run release:version` runs it.
// Does nothing when the newest entry already has the version.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
export const CHANGELOG = new URL('packaging/debian/changelog', ROOT);
export const MAINTAINER = 'xenabi maintainers <maintainers@xenabi.invalid>';

/** The upstream version of the newest entry: `0.1.0` of `xenabi (0.1.0-1) unstable; …`. */
export function newestUpstream(changelog) {
  const m = /^xenabi \(([^)-]+)-[^)]+\)/.exec(changelog);
  if (!m) throw new Error('packaging/debian/changelog: the first line is not "xenabi (VERSION-REVISION) …"');
  return m[1];
}

/** RFC 5322 date as Debian writes it: `Mon, 07 Dec 2026 06:30:00 +0000`. */
export function debianDate(date) {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** The changelog with an entry for `version` on top, or unchanged when it has one. */
export function withVersion(changelog, version, date) {
  if (newestUpstream(changelog) === version) return changelog;
  const entry = [
    `xenabi (${version}-1) unstable; urgency=medium`,
    '',
    `  * New upstream release ${version} (packages/c-headers/CHANGELOG.md).`,
    '',
    ` -- ${MAINTAINER}  ${debianDate(date)}`,
    '',
    '',
  ].join('\n');
  return entry + changelog;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version } = JSON.parse(readFileSync(new URL('packages/c-headers/package.json', ROOT), 'utf8'));
  const before = readFileSync(CHANGELOG, 'utf8');
  const after = withVersion(before, version, new Date());
  if (after !== before) writeFileSync(CHANGELOG, after);
  console.log(after !== before ? `packaging/debian/changelog: added ${version}-1` : `packaging/debian/changelog: already at ${version}`);
}
