/**
 * Loading the ABI afresh, as `loadAbi` does on a cache miss: evaluate the TypeScript
 * modules, lower them to the model, check the model against its JSON Schema, run the
 * semantic passes, then number the ioctls. Its own module, imported only on a miss, because
 * the evaluator and the validators are most of the code a cached `export` or `check` would
 * otherwise load for nothing (the model's schema validator alone is about 330 KB).
 */
import { AbiInputError, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { checkModelSchema } from '../validate/schema.js';
import { validateModel } from '../validate/index.js';
import { evaluateAbi, type EvaluateOptions } from './bundle.js';
import type { LoadedAbi } from './index.js';
import { settleIoctls } from './ioctls.js';
import { lowerModules } from './lower.js';

/** Loads `abiDir` without the model cache; throws AbiInputError listing every problem. */
export async function loadAbiFresh(abiDir: string, repoRoot: string, options: EvaluateOptions = {}): Promise<{ loaded: LoadedAbi; inputs?: string[] }> {
  const evaluated = await evaluateAbi(abiDir, repoRoot, options);
  if (hasErrors(evaluated.diagnostics)) throw new AbiInputError(evaluated.diagnostics);
  const lowered = lowerModules(evaluated.modules, repoRoot);
  const diagnostics = [...lowered.diagnostics, ...checkModelSchema(lowered.model)];
  if (!hasErrors(diagnostics)) diagnostics.push(...validateModel(lowered.model));
  if (hasErrors(diagnostics)) throw new AbiInputError(diagnostics);
  const settled = settleIoctls(lowered.model);
  diagnostics.push(...settled.diagnostics);
  if (hasErrors(diagnostics)) throw new AbiInputError(diagnostics);
  return { loaded: { model: settled.model, diagnostics: sortDiagnostics(diagnostics) }, ...(evaluated.inputs ? { inputs: evaluated.inputs } : {}) };
}
