/**
 * Every mutation of the stable ABI, mechanically: each kind enumerates what it applies to
 * in the release view, in the model's own order, so the list is the same on every run.
 *
 * ```ts
 * const view = atRelease(model, NEWEST_RELEASE);
 * for (const m of generateMutations(view)) checkAbi(base, sideOf(m.apply(view)));
 * ```
 */
import { ADDITION_KINDS } from './additions.js';
import { CONSTANT_KINDS } from './constants.js';
import type { View } from './edit.js';
import { FIELD_KINDS } from './fields.js';
import { RECORD_KINDS } from './records.js';
import { SET_KINDS } from './sets.js';
import type { Mutation, MutationKind } from './types.js';

export const ALL_KINDS: readonly MutationKind[] = [...RECORD_KINDS, ...FIELD_KINDS, ...CONSTANT_KINDS, ...SET_KINDS, ...ADDITION_KINDS];

export function generateMutations(view: View, kinds: readonly MutationKind[] = ALL_KINDS): Mutation[] {
  const all = kinds.flatMap((kind) => kind(view));
  const seen = new Set<string>();
  for (const m of all) {
    if (seen.has(m.id)) throw new Error(`two mutations share the id ${m.id}`);
    seen.add(m.id);
  }
  return all;
}
