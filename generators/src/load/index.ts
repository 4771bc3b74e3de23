/**
 * Loading the ABI: evaluate the TypeScript modules, lower them to the model, check the
 * model against its JSON Schema, run the semantic passes, then number the ioctls. Any error diagnostic makes
 * the load fail as a whole, before anything is generated.
 */
import { resolve } from 'node:path';
import { AbiInputError, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AbiModel } from '../model/types.js';
import { checkModelSchema } from '../validate/schema.js';
import { validateModel } from '../validate/index.js';
import { evaluateAbi, type EvaluateOptions } from './bundle.js';
import { settleIoctls } from './ioctls.js';
import { lowerModules } from './lower.js';

export interface LoadedAbi {
  model: AbiModel;
  /** Warnings only: a load with errors throws. */
  diagnostics: Diagnostic[];
}

/**
 * Loads `abiDir` (normally `<repo>/abi`) or throws AbiInputError listing every problem.
 * `options.cache: false` bundles the ABI afresh (see `bundle-cache.ts`).
 */
export async function loadAbi(abiDir: string, repoRoot: string = resolve(abiDir, '..'), options: EvaluateOptions = {}): Promise<LoadedAbi> {
  const evaluated = await evaluateAbi(abiDir, repoRoot, options);
  if (hasErrors(evaluated.diagnostics)) throw new AbiInputError(evaluated.diagnostics);
  const lowered = lowerModules(evaluated.modules, repoRoot);
  const diagnostics = [...lowered.diagnostics, ...checkModelSchema(lowered.model)];
  if (!hasErrors(diagnostics)) diagnostics.push(...validateModel(lowered.model));
  if (hasErrors(diagnostics)) throw new AbiInputError(diagnostics);
  const settled = settleIoctls(lowered.model);
  diagnostics.push(...settled.diagnostics);
  if (hasErrors(diagnostics)) throw new AbiInputError(diagnostics);
  return { model: settled.model, diagnostics: sortDiagnostics(diagnostics) };
}
