/**
 * The C headers the compile tests use: the ABI under `abi/` loaded and run through the C
 * emitter and the output pipeline into a scratch include directory. The committed copy in
 * packages/c-headers/include is kept equal to this by `xenabi generate --check`, so testing
 * the emitter's output tests the committed headers too.
 *
 * `XENABI_ABI_DIR` points the tests at another ABI directory (development only).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cEmitter } from '../../generators/src/emit/c/index.js';
import { INCLUDE_ROOT } from '../../generators/src/emit/c/names.js';
import { loadAbi } from '../../generators/src/load/index.js';
import type { AbiModel } from '../../generators/src/model/types.js';
import { render } from '../../generators/src/output/pipeline.js';
import { atRelease } from '../../generators/src/select/release.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let loaded: Promise<AbiModel> | undefined;

/** The whole ABI model, loaded once per test process. */
export function loadRepoModel(): Promise<AbiModel> {
  const abiDir = process.env.XENABI_ABI_DIR ? resolve(process.env.XENABI_ABI_DIR) : join(REPO_ROOT, 'abi');
  loaded ??= loadAbi(abiDir, REPO_ROOT).then((l) => l.model);
  return loaded;
}

/**
 * Emits the C headers of `model` as `release` has it into `outDir` (emptied first) and
 * returns the include directory to pass with `-I`, and the header names relative to it.
 */
export async function writeCHeaders(model: AbiModel, release: string, outDir: string): Promise<{ includeDir: string; headers: string[] }> {
  rmSync(outDir, { recursive: true, force: true });
  const files = (await cEmitter.emit(atRelease(model, release), { history: model })).map((f) => render(f));
  for (const f of files) {
    const path = join(outDir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  const includeDir = join(outDir, INCLUDE_ROOT);
  return { includeDir, headers: files.map((f) => f.path.slice(INCLUDE_ROOT.length + 1)).sort() };
}
