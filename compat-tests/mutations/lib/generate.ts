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

/**
 * How many mutations of each kind the suite checks by default. Every check lays out and
 * compares the whole ABI, so checking every mutation costs the square of the ABI's size; a
 * fixed number per kind, spread evenly over the kind's list (so over its modules), keeps the
 * suite linear as the registry grows. `XENABI_MUTATIONS=all` checks every one.
 */
export const MUTATIONS_PER_KIND = 32;

/** The mutations the suite checks: every one when `all`, else at most `perKind` of each kind, evenly spaced, first and last included. */
export function selectMutations(view: View, all = process.env.XENABI_MUTATIONS === 'all', perKind = MUTATIONS_PER_KIND): Mutation[] {
  const every = generateMutations(view);
  return all ? every : sampleByKind(every, perKind);
}

/** At most `perKind` mutations of each kind, evenly spaced over its list, in the original order. */
export function sampleByKind(mutations: readonly Mutation[], perKind: number): Mutation[] {
  const byKind = new Map<string, Mutation[]>();
  for (const m of mutations) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  const keep = new Set<Mutation>();
  for (const list of byKind.values()) {
    if (list.length <= perKind) list.forEach((m) => keep.add(m));
    else for (let i = 0; i < perKind; i++) keep.add(list[Math.round((i * (list.length - 1)) / (perKind - 1))] as Mutation);
  }
  return mutations.filter((m) => keep.has(m));
}

export function generateMutations(view: View, kinds: readonly MutationKind[] = ALL_KINDS): Mutation[] {
  const all = kinds.flatMap((kind) => kind(view));
  const seen = new Set<string>();
  for (const m of all) {
    if (seen.has(m.id)) throw new Error(`two mutations share the id ${m.id}`);
    seen.add(m.id);
  }
  return all;
}
