/**
 * The release flow: every package is known to changesets, the pending changesets name only
 * known packages and kinds of release, and a version bump reaches the Debian changelog.
 */
import getReleasePlan from '@changesets/get-release-plan';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script, without types
import { LINUX_CRATE, wantedVersions, withVersions } from '../../../scripts/release/crate-versions.mjs';
// @ts-expect-error: a plain script, without types
import { debianDate, newestUpstream, withVersion } from '../../../scripts/release/debian-changelog.mjs';
// @ts-expect-error: a plain script, without types
import { specVersion, withSpecVersion } from '../../../scripts/release/rpm-version.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const workspaces = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
const names = workspaces.map((w) => (JSON.parse(readFileSync(join(ROOT, w, 'package.json'), 'utf8')) as { name: string }).name);

describe('changesets', () => {
  it('know every package: the CLI, the bindings, the crates and the C headers', () => {
    expect(names).toEqual(
      expect.arrayContaining(['xenabi', '@xenabi/ts-bindings', '@xenabi/linux', '@xenabi/rust-bindings', '@xenabi/rust-linux', '@xenabi/c-headers']),
    );
  });

  it('the xenabi-linux crate\'s Cargo.toml follows its package.json and requires the xenabi crate\'s version', () => {
    const manifest = readFileSync(join(ROOT, LINUX_CRATE, 'Cargo.toml'), 'utf8');
    const [version, xenabi] = wantedVersions() as [string, string];
    expect(manifest, `${LINUX_CRATE}/Cargo.toml is behind: npm run release:version (node scripts/release/crate-versions.mjs) updates it`).toBe(
      withVersions(manifest, version, xenabi),
    );
    const next = withVersions(manifest, '1.0.0', '2.3.4') as string;
    expect(next).toMatch(/^\[package\]\nname = "xenabi-linux"\nversion = "1\.0\.0"\n/);
    expect(next.match(/^xenabi = \{ path = "\.\.", version = "2\.3\.4",/gm)).toHaveLength(2);
    expect(next.match(/^rustix = \{ version = "1\.1",/m), 'other dependencies keep their versions').not.toBeNull();
    expect(() => withVersions('[package]\nname = "x"\n', '1.0.0', '1.0.0')).toThrow(/no version = "…" line in \[package\]/);
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

  it('the RPM spec follows the C headers\' version', () => {
    const spec = readFileSync(join(ROOT, 'packaging/rpm/xenabi.spec'), 'utf8');
    const headers = (JSON.parse(readFileSync(join(ROOT, 'packages/c-headers/package.json'), 'utf8')) as { version: string }).version;
    expect(specVersion(spec), 'packaging/rpm/xenabi.spec is behind: npm run release:version (node scripts/release/rpm-version.mjs) updates it').toBe(headers);
    const next = withSpecVersion(spec.replace(/^Release:(\s*)1/m, 'Release:$13'), '0.2.0') as string;
    expect(specVersion(next)).toBe('0.2.0');
    expect(next).toMatch(/^Release:\s*1%\{\?dist\}$/m);
    expect(next.split('\n').length).toBe(spec.split('\n').length);
    expect(withSpecVersion(next, '0.2.0')).toBe(next);
    expect(() => specVersion('Name: x\n')).toThrow(/no "Version: …" line/);
  });
});

/** Runs the pull request's changeset check in `cwd` with `base` (unset when undefined). */
function changesetCheck(cwd: string, base: string | undefined) {
  const env = { ...process.env };
  delete env.XENABI_CHANGESET_BASE;
  if (base !== undefined) env.XENABI_CHANGESET_BASE = base;
  const r = spawnSync('bash', [join(ROOT, 'scripts/release/changeset-check.sh')], { cwd, env, encoding: 'utf8' });
  // Under CI=true changesets colours its log whatever the stream: the assertions read plain text.
  // eslint-disable-next-line no-control-regex
  return { status: r.status, out: `${r.stdout}${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, '') };
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=xenabi test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

describe('the changeset check of a pull request (npm run changeset:check)', () => {
  it('refuses to run without a base, or with one this clone does not have, and says what to do', () => {
    const unset = changesetCheck(ROOT, undefined);
    expect(unset.status).toBe(2);
    expect(unset.out).toContain('XENABI_CHANGESET_BASE is not set');
    const missing = changesetCheck(ROOT, 'no-such-revision');
    expect(missing.status).toBe(2);
    expect(missing.out).toContain('XENABI_CHANGESET_BASE=no-such-revision is not a commit of this clone');
  });

  it('fails a package changed since the base without a changeset, and passes once one is committed', () => {
    const root = mkdtempSync(join(tmpdir(), 'xenabi-changesets-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'root', private: true, workspaces: ['pkg'] }));
    mkdirSync(join(root, 'pkg'));
    writeFileSync(join(root, 'pkg/package.json'), JSON.stringify({ name: 'pkg', version: '1.0.0' }));
    cpSync(join(ROOT, '.changeset/config.json'), join(root, '.changeset/config.json'));
    git(root, 'init', '--quiet');
    git(root, 'add', '.');
    git(root, 'commit', '--quiet', '-m', 'base');
    writeFileSync(join(root, 'pkg/index.js'), 'export const x = 1;\n');
    git(root, 'add', '.');
    git(root, 'commit', '--quiet', '-m', 'change pkg');
    const without = changesetCheck(root, 'HEAD~1');
    expect(without.status, without.out).toBe(1);
    expect(without.out).toContain('Some packages have been changed but no changesets were found');
    writeFileSync(join(root, '.changeset/pkg-change.md'), '---\n"pkg": patch\n---\n\nChange pkg.\n');
    git(root, 'add', '.');
    git(root, 'commit', '--quiet', '-m', 'changeset');
    const withIt = changesetCheck(root, 'HEAD~2');
    expect(withIt.status, withIt.out).toBe(0);
    expect(withIt.out).toMatch(/Packages to be bumped at patch[\s\S]*- pkg/);
  }, 60_000);
});
