// The loaded model is reused only by the build that stored it, and only while everything it
// was loaded from is unchanged (content) or names the same git tree.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/check/side/load.js';
import { evaluateAbi } from '../../src/load/bundle.js';
import { loadAbi } from '../../src/load/index.js';
import { modelCacheByContent, modelCacheByTree } from '../../src/load/model-cache.js';

const FIXTURE = new URL('../fixtures/cli-good/', import.meta.url).pathname;
const REPO = new URL('../../../', import.meta.url).pathname;

function freshRoot(withNodeModules = true): string {
  const root = mkdtempSync(join(tmpdir(), 'xenabi-model-cache-'));
  cpSync(FIXTURE, root, { recursive: true });
  if (withNodeModules) mkdirSync(join(root, 'node_modules'));
  return root;
}

/** The fixture's inputs as the bundle read them. */
async function inputs(root: string): Promise<string[]> {
  const evaluated = await evaluateAbi(join(root, 'abi'), root);
  expect(evaluated.inputs?.length).toBeGreaterThan(0);
  return evaluated.inputs ?? [];
}

describe('model cache by content', () => {
  it('gives back what was stored while the inputs are unchanged, for the same build only', async () => {
    const root = freshRoot();
    const abi = join(root, 'abi');
    const files = await inputs(root);
    modelCacheByContent(root, abi, 'strict', 'build-a').write({ stored: 1 }, files);
    expect(modelCacheByContent(root, abi, 'strict', 'build-a').read()).toEqual({ stored: 1 });
    expect(modelCacheByContent(root, abi, 'strict', 'build-b').read()).toBeUndefined();
    expect(modelCacheByContent(root, abi, 'lenient', 'build-a').read()).toBeUndefined();
    expect(modelCacheByContent(root, abi, 'strict', undefined).read()).toBeUndefined();
  });

  it('misses once a module the model came from changes', async () => {
    const root = freshRoot();
    const abi = join(root, 'abi');
    const files = await inputs(root);
    modelCacheByContent(root, abi, 'strict', 'build-a').write({ stored: 1 }, files);
    const module = files.find((f) => f.startsWith(abi) && f.endsWith('.ts')) as string;
    appendFileSync(module, '\n// edited\n');
    expect(modelCacheByContent(root, abi, 'strict', 'build-a').read()).toBeUndefined();
  });

  it('tells the inputs of the current entry, which a value derived from the model is keyed by', async () => {
    const root = freshRoot();
    const abi = join(root, 'abi');
    const files = await inputs(root);
    expect(modelCacheByContent(root, abi, 'strict', 'build-a').inputs()).toBeUndefined();
    modelCacheByContent(root, abi, 'strict', 'build-a').write({ stored: 1 }, files);
    expect(modelCacheByContent(root, abi, 'strict', 'build-a').inputs()).toEqual([...files].sort());
    expect(modelCacheByContent(root, abi, 'strict', 'build-b').inputs()).toBeUndefined();
    appendFileSync(files.find((f) => f.startsWith(abi) && f.endsWith('.ts')) as string, '\n// edited\n');
    expect(modelCacheByContent(root, abi, 'strict', 'build-a').inputs()).toBeUndefined();
  });

  it('stores nothing without a build id or a node_modules folder', async () => {
    // (An empty id is none: the tests' own id would stand in for an undefined one, `MODEL_CACHE_ID`.)
    for (const [root, build] of [[freshRoot(), ''], [freshRoot(false), 'build-a']] as const) {
      const abi = join(root, 'abi');
      modelCacheByContent(root, abi, 'strict', build).write({ stored: 1 }, await inputs(root));
      expect(modelCacheByContent(root, abi, 'strict', build).read()).toBeUndefined();
    }
  });
});

describe('model cache by git tree', () => {
  it('is keyed by the tree id and the build', () => {
    const root = freshRoot();
    const tree = 'a'.repeat(40);
    modelCacheByTree(root, tree, 'lenient', 'build-a').write({ stored: 2 });
    expect(modelCacheByTree(root, tree, 'lenient', 'build-a').read()).toEqual({ stored: 2 });
    expect(modelCacheByTree(root, 'b'.repeat(40), 'lenient', 'build-a').read()).toBeUndefined();
    expect(modelCacheByTree(root, tree, 'lenient', 'build-b').read()).toBeUndefined();
    // Not an object id: nothing is stored under a name made from it.
    modelCacheByTree(root, '../x', 'lenient', 'build-a').write({ stored: 3 });
    expect(readdirSync(join(root, 'node_modules/.cache/xenabi/other-builds')).some((f) => f.includes('..'))).toBe(false);
  });
});

describe('a base side loaded leniently', () => {
  it('numbers its ioctls as the head does, so an unchanged tree compares equal', async () => {
    const strict = (await loadAbi(join(REPO, 'abi'), REPO)).model;
    const lenient = (await loadModel(join(REPO, 'abi'), REPO, false)).model;
    const ioctls = (m: typeof strict) => m.constants.filter((c) => c.ioctl).map((c) => [c.name, c.value, c.values]);
    expect(ioctls(strict).length).toBeGreaterThan(0);
    expect(ioctls(lenient)).toEqual(ioctls(strict));
  });
});
