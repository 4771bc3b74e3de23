import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionView } from '../../src/emit/c/version.js';
import { crateName } from '../../src/release/project.js';
import { readPackageVersions, UNRELEASED, VERSION_SOURCES, versionParts } from '../../src/release/versions.js';

function rootWith(versions: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'xenabi-versions-'));
  for (const [path, version] of Object.entries(versions)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), JSON.stringify({ name: 'x', version }));
  }
  return root;
}

describe('package versions', () => {
  it('are read from each package.json, and unreleased where there is none', () => {
    expect(readPackageVersions(rootWith({ [VERSION_SOURCES.c]: '1.2.3' }))).toEqual({ c: '1.2.3', rust: UNRELEASED, ts: UNRELEASED });
  });

  it('must be MAJOR.MINOR.PATCH: the error names the file', () => {
    expect(() => readPackageVersions(rootWith({ [VERSION_SOURCES.rust]: '1.2.3+xen.4.17' }))).toThrow(/packages\/rust-bindings\/package\.json: "version": "1\.2\.3\+xen\.4\.17" is not a release version/);
    expect(() => readPackageVersions(rootWith({ [VERSION_SOURCES.c]: 7 }))).toThrow(/packages\/c-headers\/package\.json: no "version"/);
    expect(versionParts('10.0.12')).toEqual([10, 0, 12]);
    expect(() => versionParts('01.0.0')).toThrow();
  });

  it('become the C headers\' XENABI_VERSION_* macros', () => {
    const macros = Object.fromEntries(versionView('2.10.3').macros.map((m) => [m.name, m.value]));
    expect(macros).toMatchObject({ XENABI_VERSION_MAJOR: '2', XENABI_VERSION_MINOR: '10', XENABI_VERSION_PATCH: '3', XENABI_VERSION_STRING: '"2.10.3"' });
  });

  it('leave the Xen release to the crate name, since registries ignore build metadata', () => {
    expect(crateName('4.22', '4.22')).toBe('xenabi');
    expect(crateName('4.17', '4.22')).toBe('xenabi-xen-4-17');
  });
});
