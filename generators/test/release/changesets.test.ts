/**
 * The release flow: every package is known to changesets, the pending changesets name only
 * known packages and kinds of release, and a version bump reaches the Debian changelog.
 */
import getReleasePlan from '@changesets/get-release-plan';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script, without types
import { debianDate, newestUpstream, withVersion } from '../../../scripts/release/debian-changelog.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const workspaces = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
const names = workspaces.map((w) => (JSON.parse(readFileSync(join(ROOT, w, 'package.json'), 'utf8')) as { name: string }).name);

describe('changesets', () => {
  it('know every package: the CLI, the bindings, the crate and the C headers', () => {
    expect(names).toEqual(expect.arrayContaining(['xenabi', '@xenabi/ts-bindings', '@xenabi/rust-bindings', '@xenabi/c-headers']));
  });

  it('pending in .changeset/ name only known packages, and the release plan computes', async () => {
    const plan = await getReleasePlan(ROOT);
    for (const c of plan.changesets) for (const r of c.releases) expect(names, `.changeset/${c.id}.md names ${r.name}`).toContain(r.name);
    for (const r of plan.releases) expect(['major', 'minor', 'patch', 'none']).toContain(r.type);
  });

  it('the Debian changelog follows the C headers\' version', () => {
    const changelog = readFileSync(join(ROOT, 'packaging/debian/changelog'), 'utf8');
    const headers = (JSON.parse(readFileSync(join(ROOT, 'packages/c-headers/package.json'), 'utf8')) as { version: string }).version;
    expect(newestUpstream(changelog), 'packaging/debian/changelog is behind: npm run release:version adds the entry').toBe(headers);
    const date = new Date(Date.UTC(2027, 0, 4, 9, 30));
    const next = withVersion(changelog, '0.2.0', date) as string;
    expect(next.startsWith('xenabi (0.2.0-1) unstable; urgency=medium\n')).toBe(true);
    expect(next).toContain(` -- xenabi maintainers <maintainers@xenabi.invalid>  ${debianDate(date)}\n\n${changelog}`);
    expect(debianDate(date)).toBe('Mon, 04 Jan 2027 09:30:00 +0000');
    expect(withVersion(next, '0.2.0', date)).toBe(next);
  });
});
