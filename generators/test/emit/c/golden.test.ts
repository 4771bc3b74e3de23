/**
 * Golden test of the C emitter over the fixture ABI in generators/test/fixtures/c-golden,
 * which uses every construct the emitter prints. The files are compared as the output
 * pipeline writes them (banner included).
 *
 * Bless after an intended change: XENABI_BLESS=1 npx vitest run generators/test/emit/c
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cEmitter } from '../../../src/emit/c/index.js';
import { INCLUDE_ROOT } from '../../../src/emit/c/names.js';
import { loadAbi } from '../../../src/load/index.js';
import { NEWEST_RELEASE } from '../../../src/model/releases.js';
import type { AbiModel } from '../../../src/model/types.js';
import { render, type RenderedFile } from '../../../src/output/pipeline.js';
import { atRelease } from '../../../src/select/release.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(HERE, '../../fixtures/c-golden');
const GOLDEN = join(HERE, '../../golden/c');
const BLESS = process.env.XENABI_BLESS === '1';

/** The emitter's files as the pipeline renders them, keyed by path below the include root. */
async function fixtureOutput(model: AbiModel): Promise<Map<string, RenderedFile>> {
  const files = (await cEmitter.emit(atRelease(model, NEWEST_RELEASE), { history: model })).map(render);
  return new Map(files.map((f) => [relative(INCLUDE_ROOT, f.path), f]));
}

function goldenFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? goldenFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('C emitter golden files', () => {
  let output: Map<string, RenderedFile>;
  beforeAll(async () => {
    const { model } = await loadAbi(join(FIXTURE, 'abi'), FIXTURE);
    output = await fixtureOutput(model);
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

  it('matches every golden file (bless: XENABI_BLESS=1 npx vitest run generators/test/emit/c)', () => {
    for (const [path, f] of output) {
      const golden = join(GOLDEN, path);
      expect(existsSync(golden), `${path} has no golden file`).toBe(true);
      expect(f.content, `${path} differs from its golden file`).toBe(readFileSync(golden, 'utf8'));
    }
  });

  it('is deterministic', async () => {
    const { model } = await loadAbi(join(FIXTURE, 'abi'), FIXTURE);
    const again = await fixtureOutput(model);
    expect([...again].map(([p, f]) => [p, f.content])).toEqual([...output].map(([p, f]) => [p, f.content]));
  });
});
