/** What every mutation kind reads: the stable items of the view, spelled types, new names. */
import { spellType } from '../../../generators/src/layout/spell.js';
import type { ConstantDecl, RecordDecl, TypeRef } from '../../../generators/src/model/types.js';
import { moveMakesImportCycle, type View } from './edit.js';
import type { Mutation } from './types.js';

/** The mutated items' namespace. */
export const NAMESPACE = 'stable';

/** Where a new item is declared in its module's file (a mutant has no source). */
export const NEW_LOC = { file: 'abi/stable/mutation.ts', line: 0, column: 0 };

/** The prefix of every name a mutation invents, so it can never clash with Xen's. */
export const NEW = 'xenabi_mut';

export function stableRecords(view: View): RecordDecl[] {
  return view.records.filter((r) => r.namespace === NAMESPACE);
}

export function stableConstants(view: View): ConstantDecl[] {
  return view.constants.filter((c) => c.namespace === NAMESPACE);
}

export function spell(view: View, t: TypeRef): string {
  return spellType(t, (name) => view.records.find((r) => r.name === name)?.kind ?? 'struct');
}

/** A mutation with its id made from its kind and target. */
export function mutation(kind: string, target: string, rest: Omit<Mutation, 'id' | 'kind' | 'target'>): Mutation {
  return { id: `${kind}:${target}`, kind, target, ...rest };
}

/** The op constants of every op set. */
export function opConstants(view: View): Set<string> {
  return new Set(view.sets.flatMap((s) => (s.ops ?? []).map((o) => o.constant)));
}

/** Records some op set dispatches through (`xen_dm_op`, `evtchn_op`): the ops' framing. */
export function dispatchRecords(view: View): Set<string> {
  return new Set(view.sets.flatMap((s) => (s.dispatch ? [s.dispatch.record] : [])));
}

/** The stable modules, in the model's order. */
export function stableModules(view: View): string[] {
  return view.modules.filter((m) => m.namespace === NAMESPACE).map((m) => m.name);
}

/**
 * Another stable module for `items` now in `module`: the next one in order (wrapping around)
 * that records and typedefs can move to without two headers having to include each other,
 * as an author moving them would choose; undefined when there is none. Constants are
 * imported by nobody, so any other module takes them.
 */
export function otherModule(view: View, module: string, items: readonly string[]): string | undefined {
  const list = stableModules(view);
  const start = list.indexOf(module);
  const others = list.slice(start + 1).concat(list.slice(0, start));
  const typed = items.some((n) => view.records.some((r) => r.name === n) || view.aliases.some((a) => a.name === n));
  return typed ? others.find((to) => !moveMakesImportCycle(view, items, to)) : others[0];
}

/** The unstable module items are moved to. */
export function unstableModule(view: View): string {
  const m = view.modules.find((x) => x.namespace === 'unstable');
  if (!m) throw new Error('the view has no unstable module to move items to');
  return m.name;
}
