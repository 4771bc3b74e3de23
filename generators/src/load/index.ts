/**
 * Loading the ABI: evaluate the TypeScript modules, lower them to the model, check the
 * model against its JSON Schema, run the semantic passes, then number the ioctls
 * (`fresh.ts`). Any error diagnostic makes the load fail as a whole, before anything is
 * generated. A model loaded before from the same inputs comes from the cache
 * (`model-cache.ts`), and then nothing of the evaluator or the validators is loaded.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AbiModel } from '../model/types.js';
import type { EvaluateOptions } from './bundle.js';
import { modelCacheByContent } from './model-cache.js';

export interface LoadedAbi {
  model: AbiModel;
  /** Warnings only: a load with errors throws. */
  diagnostics: Diagnostic[];
}

/**
 * Loads `abiDir` (normally `<repo>/abi`) or throws AbiInputError listing every problem.
 * `options.cache: false` bundles the ABI afresh (see `bundle-cache.ts`) and loads it afresh
 * (see `model-cache.ts`).
 */
export async function loadAbi(abiDir: string, repoRoot: string = resolve(abiDir, '..'), options: EvaluateOptions = {}): Promise<LoadedAbi> {
  return (await loadAbiWithInputs(abiDir, repoRoot, options)).loaded;
}

/** `loadAbi`, with the files the model was loaded from (absolute), when known: what a value derived from the model is keyed by. */
export async function loadAbiWithInputs(abiDir: string, repoRoot: string = resolve(abiDir, '..'), options: EvaluateOptions = {}): Promise<{ loaded: LoadedAbi; inputs?: string[] }> {
  const cache = options.cache === false ? undefined : modelCacheByContent<LoadedAbi>(repoRoot, resolve(abiDir), 'strict');
  const hit = cache?.readWithInputs();
  if (hit) return { loaded: hit.value, ...(hit.inputs ? { inputs: hit.inputs } : {}) };
  const { loadAbiFresh } = await import('./fresh.js');
  const fresh = await loadAbiFresh(abiDir, repoRoot, options);
  cache?.write(fresh.loaded, fresh.inputs);
  return fresh;
}
