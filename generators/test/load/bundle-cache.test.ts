// The ABI bundle is reused while everything it was built from is unchanged, and only then.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAbi } from '../../src/load/bundle.js';
import { bundleCachePath } from '../../src/load/bundle-cache.js';

const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;

function freshRoot(withNodeModules = true): string {
  const root = mkdtempSync(join(tmpdir(), 'xenabi-bundle-cache-'));
  cpSync(FIXTURE, root, { recursive: true });
  if (withNodeModules) mkdirSync(join(root, 'node_modules'));
  return root;
}

/** What the first module evaluated to: its name, or the planted marker. */
async function evaluated(root: string, cache = true): Promise<unknown> {
  const { modules, diagnostics } = await evaluateAbi(join(root, 'abi'), root, { cache });
  expect(diagnostics).toEqual([]);
  const def = modules[0]?.exported as { name?: string; planted?: boolean; items?: { name: string; value?: unknown }[] };
  return def.planted ? 'planted' : `${def.name}: ${def.items?.map((i) => `${i.name}${i.value === undefined ? '' : `=${String(i.value)}`}`).join(' ')}`;
}

/** Replaces the cached code, keeping the entry's digest: a run that uses the cache evaluates the plant. */
function plant(root: string): void {
  const path = bundleCachePath(root, join(root, 'abi')) as string;
  const entry = JSON.parse(readFileSync(path, 'utf8')) as { code: string };
  writeFileSync(path, JSON.stringify({ ...entry, code: "globalThis[Symbol.for('xenabi.abi.exports')] = [{ planted: true }];" }));
}

describe('the ABI bundle cache', () => {
  it('reuses the bundle while its inputs are unchanged, and not when asked to bundle afresh', async () => {
    const root = freshRoot();
    const real = await evaluated(root);
    expect(real).toMatch(/^sample: .*SAMPLE_OP=3/);
    expect(existsSync(bundleCachePath(root, join(root, 'abi')) as string)).toBe(true);
    plant(root);
    expect(await evaluated(root)).toBe('planted');
    expect(await evaluated(root, false)).toBe(real);
  });

  it('rebuilds when a file it was built from changes, or a module file is added', async () => {
    const root = freshRoot();
    await evaluated(root);
    plant(root);
    const sample = join(root, 'abi/stable/sample.ts');
    writeFileSync(sample, readFileSync(sample, 'utf8').replace("constant('SAMPLE_OP', 3,", "constant('SAMPLE_OP', 5,"));
    expect(await evaluated(root)).toMatch(/SAMPLE_OP=5/);
    plant(root);
    writeFileSync(join(root, 'abi/stable/a_first.ts'), readFileSync(sample, 'utf8').replaceAll('sample', 'a_first').replaceAll('SAMPLE', 'A_FIRST'));
    expect(await evaluated(root)).toMatch(/^a_first: /);
  });

  it('puts each module in a function of its own, so that a DSL call locating itself does not walk the whole bundle', async () => {
    const root = freshRoot();
    const sample = join(root, 'abi/stable/sample.ts');
    writeFileSync(join(root, 'abi/stable/a_first.ts'), readFileSync(sample, 'utf8').replaceAll('sample', 'a_first').replaceAll('SAMPLE', 'A_FIRST'));
    expect(await evaluated(root)).toMatch(/^a_first: /);
    const { code } = JSON.parse(readFileSync(bundleCachePath(root, join(root, 'abi')) as string, 'utf8')) as { code: string };
    // esbuild's lazy initialiser per module: `var init_sample = __esm({ "stable/sample.ts"() { … } })`.
    for (const name of ['a_first', 'sample']) expect(code).toMatch(new RegExp(`var init_${name} = __esm\\(\\{\\n\\s*"stable/${name}\\.ts"\\(\\) \\{`));
    expect(code).toMatch(/\[\n\s*\(init_a_first\(\), __toCommonJS\(a_first_exports\)\)\.default,\n\s*\(init_sample\(\), __toCommonJS\(sample_exports\)\)\.default\s*\]/);
  });

  it('caches nothing without a node_modules folder in the repository', async () => {
    const root = freshRoot(false);
    expect(bundleCachePath(root, join(root, 'abi'))).toBeUndefined();
    expect(await evaluated(root)).toMatch(/^sample: /);
  });
});
