import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AbiModel } from '../model/types.js';

/**
 * One semantic rule over the lowered model. Each pass lives in its own file under
 * `validate/passes/`, returns located diagnostics and never throws for bad input.
 */
export interface ValidationPass {
  /** Stable rule id, used in diagnostics and in the bad-input fixtures. @example "duplicate-name" */
  id: string;
  /** One line: what the pass rejects and why. */
  description: string;
  run(model: AbiModel): Diagnostic[];
}
