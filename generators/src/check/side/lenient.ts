/**
 * A base's model loaded leniently (`loadModel` in `load.ts`, on a cache miss): evaluated and
 * lowered, its validation problems noted rather than fatal. Its own module, imported only on
 * a miss, so that a cached check loads neither the evaluator nor the validators.
 */
import { AbiInputError, hasErrors } from '../../diagnostics/diagnostic.js';
import { evaluateAbi } from '../../load/bundle.js';
import { settleIoctls } from '../../load/ioctls.js';
import { lowerModules } from '../../load/lower.js';
import type { AbiModel } from '../../model/types.js';
import { checkModelSchema } from '../../validate/schema.js';
import { validateModel } from '../../validate/index.js';

type LenientModel = { model: AbiModel; notes: string[] };

export async function loadLenient(abiDir: string, repoRoot: string): Promise<{ loaded: LenientModel; inputs?: string[] }> {
  const evaluated = await evaluateAbi(abiDir, repoRoot);
  if (hasErrors(evaluated.diagnostics)) throw new AbiInputError(evaluated.diagnostics);
  const lowered = lowerModules(evaluated.modules, repoRoot);
  if (hasErrors(lowered.diagnostics)) throw new AbiInputError(lowered.diagnostics);
  const inputs = evaluated.inputs;
  const schema = checkModelSchema(lowered.model);
  let problems = schema;
  try {
    if (!hasErrors(schema)) problems = validateModel(lowered.model);
  } catch (error) {
    return { loaded: { model: lowered.model, notes: [`this xenabi's validation failed on it (${(error as Error).message}); compared as it is`] }, inputs };
  }
  const errors = problems.filter((d) => d.severity === 'error');
  const notes = errors.length ? [`${errors.length} problem(s) that this xenabi's validation reports were ignored (first: ${errors[0]?.rule} ${errors[0]?.item})`] : [];
  // Linux's ioctl numbers come from their payloads' sizes, as for the head: without them
  // every ioctl of the base reads 0 and an unchanged tree reports each one changed.
  try {
    const settled = settleIoctls(lowered.model);
    const unsettled = settled.diagnostics.filter((d) => d.severity === 'error');
    return { loaded: { model: settled.model, notes: unsettled.length ? [...notes, `${unsettled.length} ioctl number(s) could not be computed (first: ${unsettled[0]?.item})`] : notes }, inputs };
  } catch (error) {
    return { loaded: { model: lowered.model, notes: [...notes, `its ioctl numbers could not be computed (${(error as Error).message}); compared as it is`] }, inputs };
  }
}
