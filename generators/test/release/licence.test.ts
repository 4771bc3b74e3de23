/**
 * The licence travels with every package: a tarball, a crate or a distribution's copy of the
 * headers must carry the terms the README states, word for word the root LICENSE.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** Every folder that is published on its own: the CLI and each folder under packages/. */
function packageDirs(): string[] {
  const packages = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `packages/${d.name}`);
  return ['generators', ...packages].sort();
}

describe('licence', () => {
  const licence = readFileSync(join(ROOT, 'LICENSE'), 'utf8');

  it('is MIT at the root, as package.json and the README say', () => {
    expect(licence).toMatch(/^MIT License\n/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).license).toBe('MIT');
  });

  it.each(packageDirs())('is in %s, identical to the root LICENSE (cp LICENSE into it)', (dir) => {
    const path = join(ROOT, dir, 'LICENSE');
    expect(existsSync(path), `${dir}/LICENSE is missing`).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(licence);
  });
});
