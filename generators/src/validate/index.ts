import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AbiModel } from '../model/types.js';
import { PASSES } from './passes/index.js';

/** Runs every semantic pass over the model. */
export function validateModel(model: AbiModel): Diagnostic[] {
  return PASSES.flatMap((pass) => pass.run(model));
}
