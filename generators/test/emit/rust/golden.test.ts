// Golden files of the Rust emitter over a small fixture ABI that has one of each shape the
// emitter handles (holes per architecture, bit-fields, unions, handles, flexible arrays,
// per-architecture members, records and modules). The goldens form a whole crate, which
// compat-tests/rust compiles and tests on four architectures.
//
// Bless after an intended change: XENABI_BLESS=1 npx vitest run generators/test/emit/rust
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rustEmitter } from '../../../src/emit/rust/index.js';
import { CRATE_ROOT } from '../../../src/emit/rust/names.js';
import { loadAbi } from '../../../src/load/index.js';
import { render, type RenderedFile } from '../../../src/output/pipeline.js';
import { atRelease } from '../../../src/select/release.js';

const FIXTURE = new URL('../../fixtures/rust-golden/', import.meta.url).pathname;
const GOLDEN = new URL('../../golden/rust/', import.meta.url).pathname;
const BLESS = process.env.XENABI_BLESS === '1';
const RELEASE = '4.22';

let files: RenderedFile[];

/** The golden path of an output: `packages/rust-bindings/src/lib.rs` → `src/lib.rs`. */
const goldenPath = (path: string) => relative(CRATE_ROOT, path);

function listGoldens(dir = GOLDEN): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listGoldens(join(dir, e.name)) : [relative(GOLDEN, join(dir, e.name))]));
}

beforeAll(async () => {
  const { model } = await loadAbi(join(FIXTURE, 'abi'), FIXTURE);
  files = (await rustEmitter.emit(atRelease(model, RELEASE), { history: model })).map((f) => render(f));
  if (BLESS) {
    rmSync(GOLDEN, { recursive: true, force: true });
    for (const f of files) {
      const path = join(GOLDEN, goldenPath(f.path));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    }
  }
});

describe('rust emitter goldens', () => {
  it('writes exactly the files the goldens hold', () => {
    expect(files.map((f) => goldenPath(f.path)).sort()).toEqual(listGoldens().sort());
  });

  it('writes each file as its golden has it (bless: XENABI_BLESS=1 npx vitest run generators/test/emit/rust)', () => {
    for (const f of files) {
      const golden = join(GOLDEN, goldenPath(f.path));
      expect.soft(f.content, goldenPath(f.path)).toBe(existsSync(golden) ? readFileSync(golden, 'utf8') : '(no golden file)');
    }
  });

  it('is deterministic', async () => {
    const { model } = await loadAbi(join(FIXTURE, 'abi'), FIXTURE);
    const again = (await rustEmitter.emit(atRelease(model, RELEASE), { history: model })).map((f) => render(f));
    expect(again).toEqual(files);
  });
});
