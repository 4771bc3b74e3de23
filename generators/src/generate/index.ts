/**
 * The main job: load the ABI, run every emitter over the newest release, render through the
 * output pipeline. Pure until `writeChanged`, so `--check` and tests share it.
 */
import { join } from 'node:path';
import type { Emitter, OutputFile } from '../emit/emitter.js';
import { loadAbi } from '../load/index.js';
import { NEWEST_RELEASE } from '../model/releases.js';
import type { AbiModel } from '../model/types.js';
import { assertUniquePaths, render, staleFiles, writeChanged, type RenderedFile } from '../output/pipeline.js';
import { atRelease } from '../select/release.js';
import { EMITTERS } from './emitters.js';

export interface GenerateResult {
  model: AbiModel;
  files: RenderedFile[];
}

/** Renders every output in memory. Throws AbiInputError on bad input, before anything is written. */
export async function renderAll(root: string, emitters: readonly Emitter[] = EMITTERS, release = NEWEST_RELEASE): Promise<GenerateResult> {
  const { model } = await loadAbi(join(root, 'abi'), root);
  const view = atRelease(model, release);
  const outputs: OutputFile[] = (await Promise.all(emitters.map((e) => e.emit(view, { history: model })))).flat();
  assertUniquePaths(outputs);
  const files = outputs.map(render).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, files };
}

export async function generate(root: string): Promise<{ written: string[]; total: number }> {
  const { files } = await renderAll(root);
  return { written: writeChanged(root, files), total: files.length };
}

export async function checkGenerated(root: string): Promise<{ stale: string[]; total: number }> {
  const { files } = await renderAll(root);
  return { stale: staleFiles(root, files), total: files.length };
}
