/**
 * The union selectors of a record: those it declares (`selectors` in the DSL) and those an op
 * set implies by dispatching through it (`xen_hvm_altp2m_op.cmd` names the member of `u` each
 * op's payload travels in), so a new op set with a dispatch needs no selector of its own.
 */
import type { AliasDecl, ConstantSetDecl, RecordDecl, SelectedArm, TypeRef, UnionSelector } from './types.js';

export interface SelectorLookup {
  records: ReadonlyMap<string, RecordDecl>;
  aliases: ReadonlyMap<string, AliasDecl>;
  /** The op sets that may imply selectors; none when absent. */
  model?: { sets: readonly ConstantSetDecl[] };
}

/** Every selector of `record`: declared ones first, then one per op set dispatching through it. */
export function unionSelectors(lookup: SelectorLookup, record: RecordDecl): UnionSelector[] {
  const declared = record.selectors ?? [];
  const implied = (lookup.model?.sets ?? [])
    .filter((s) => s.kind === 'ops' && s.dispatch?.record === record.name && s.dispatch.payloadField && !declared.some((d) => d.union === s.dispatch!.payloadField))
    .map((s) => impliedSelector(s));
  return [...declared, ...implied];
}

function impliedSelector(set: ConstantSetDecl): UnionSelector {
  const arms = new Map<string, string[]>();
  for (const op of set.ops ?? []) if (op.member) arms.set(op.member, [...(arms.get(op.member) ?? []), op.constant]);
  return { union: set.dispatch!.payloadField!, by: set.dispatch!.opField, arms: [...arms].map(([member, values]): SelectedArm => ({ member, values })) };
}

/**
 * The selectors of a struct whose unions are all its own members and each selected, with no
 * union deeper inside: then typed layers can write and read every byte of it without `unsafe`.
 * Undefined when some union is not reached that way.
 */
export function selectedUnions(lookup: SelectorLookup, record: RecordDecl): UnionSelector[] | undefined {
  if (record.kind !== 'struct') return undefined;
  const selectors = unionSelectors(lookup, record);
  for (const f of record.fields) {
    const held = heldRecord(lookup, f.type);
    if (!held) continue;
    if (held.kind === 'union') {
      if (f.type.kind !== 'record' || !selectors.some((s) => s.union === f.name)) return undefined;
      if (held.fields.some((m) => heldUnion(lookup, m.type))) return undefined;
    } else if (heldUnion(lookup, f.type)) return undefined;
  }
  return selectors.filter((s) => record.fields.some((f) => f.name === s.union));
}

function heldUnion(lookup: SelectorLookup, type: TypeRef, seen = new Set<string>()): boolean {
  const held = heldRecord(lookup, type);
  if (!held || seen.has(held.name)) return false;
  if (held.kind === 'union') return true;
  seen.add(held.name);
  return held.fields.some((f) => heldUnion(lookup, f.type, seen));
}

function heldRecord(lookup: SelectorLookup, type: TypeRef, depth = 0): RecordDecl | undefined {
  if (type.kind === 'record') return lookup.records.get(type.name);
  if (type.kind === 'array') return heldRecord(lookup, type.element, depth + 1);
  if (type.kind === 'alias' && depth < 16) {
    const alias = lookup.aliases.get(type.name);
    return alias ? heldRecord(lookup, alias.type, depth + 1) : undefined;
  }
  return undefined;
}
