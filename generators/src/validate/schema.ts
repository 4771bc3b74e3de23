import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AbiModel } from '../model/types.js';

/** Checks the lowered model against the committed JSON Schema (filled in by the schema step). */
export function checkModelSchema(_model: AbiModel): Diagnostic[] {
  return [];
}
