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
import { MACRO_KINDS } from './macros.js';
import { RECORD_KINDS } from './records.js';
import { SET_KINDS } from './sets.js';
import type { Mutation, MutationKind } from './types.js';

export const ALL_KINDS: readonly MutationKind[] = [...RECORD_KINDS, ...FIELD_KINDS, ...CONSTANT_KINDS, ...SET_KINDS, ...MACRO_KINDS, ...ADDITION_KINDS];

export function generateMutations(view: View, kinds: readonly MutationKind[] = ALL_KINDS): Mutation[] {
  const all = kinds.flatMap((kind) => kind(view));
  const seen = new Set<string>();
  for (const m of all) {
    if (seen.has(m.id)) throw new Error(`two mutations share the id ${m.id}`);
    seen.add(m.id);
  }
  return all;
}

/**
 * How many mutations of each kind the suite runs by default. Each mutant is checked against
 * the whole ABI, so running every mutation costs (items)²: as the registry grows, the default
 * run keeps every kind and samples its targets evenly across the model's order (which walks
 * the modules one after another), so every kind still meets every part of the ABI it applies
 * to. `XENABI_MUTATIONS=all` runs every mutation.
 */
export const DEFAULT_PER_KIND = 32;

/** The mutations the suite runs: all when `perKind` is `all`, else up to `perKind` of each kind. */
export function selectMutations(all: readonly Mutation[], perKind: number | 'all' = perKindFromEnv()): Mutation[] {
  if (perKind === 'all') return [...all];
  const byKind = new Map<string, Mutation[]>();
  for (const m of all) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  const kept = new Set<Mutation>();
  for (const list of byKind.values()) {
    const take = Math.min(perKind, list.length);
    for (let i = 0; i < take; i++) kept.add(list[Math.floor((i * list.length) / take)] as Mutation);
  }
  return all.filter((m) => kept.has(m));
}

/** `XENABI_MUTATIONS`: `all`, a count per kind, or unset for the default. */
export function perKindFromEnv(value = process.env.XENABI_MUTATIONS): number | 'all' {
  if (value === undefined || value === '') return DEFAULT_PER_KIND;
  if (value === 'all') return 'all';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`XENABI_MUTATIONS must be "all" or a whole number of mutations per kind, not ${JSON.stringify(value)}`);
  return n;
}
