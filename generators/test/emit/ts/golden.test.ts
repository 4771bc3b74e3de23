/**
 * Golden test of the TypeScript emitter over the fixture ABI in
 * generators/test/fixtures/ts-golden, which uses every shape the emitter handles. The files
 * are compared as the output pipeline writes them (banner included), keyed by their path
 * inside the package.
 *
 * Bless after an intended change: XENABI_BLESS=1 npx vitest run generators/test/emit/ts
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tsEmitter } from '../../../src/emit/ts/index.js';
import { PACKAGE_DIR } from '../../../src/emit/ts/names.js';
import { loadAbi } from '../../../src/load/index.js';
import { NEWEST_RELEASE } from '../../../src/model/releases.js';
import { typecheckOutputs } from '../../../src/generate/typecheck.js';
import { render, type RenderedFile } from '../../../src/output/pipeline.js';
import { atRelease } from '../../../src/select/release.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(HERE, '../../fixtures/ts-golden');
const GOLDEN = join(HERE, '../../golden/ts');
const BLESS = process.env.XENABI_BLESS === '1';

function goldenFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? goldenFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('TypeScript emitter golden files', () => {
  let output: Map<string, RenderedFile>;
  beforeAll(async () => {
    const { model } = await loadAbi(join(FIXTURE, 'abi'), FIXTURE);
    const files = (await tsEmitter.emit(atRelease(model, NEWEST_RELEASE), { history: model })).map((f) => render(f));
    output = new Map(files.map((f) => [relative(PACKAGE_DIR, f.path), f]));
    if (BLESS) {
      rmSync(GOLDEN, { recursive: true, force: true });
      for (const [path, f] of output) {
        mkdirSync(dirname(join(GOLDEN, path)), { recursive: true });
        writeFileSync(join(GOLDEN, path), f.content);
      }
    }
  });

  it('emits exactly the golden set of files', () => {
    expect([...output.keys()].sort()).toEqual(goldenFiles(GOLDEN).sort());
  });

  it('matches every golden file (bless: XENABI_BLESS=1 npx vitest run generators/test/emit/ts)', () => {
    for (const [path, f] of output) {
      const golden = join(GOLDEN, path);
      expect(existsSync(golden), `${path} has no golden file`).toBe(true);
      expect(f.content, `${path} differs from its golden file; bless with XENABI_BLESS=1 npx vitest run generators/test/emit/ts`).toBe(
        readFileSync(golden, 'utf8'),
      );
    }
  });

  it('type-checks (the emitter does not: generate never loads the TypeScript compiler)', async () => {
    await expect(typecheckOutputs([...output.values()])).resolves.toBeUndefined();
  });
});
