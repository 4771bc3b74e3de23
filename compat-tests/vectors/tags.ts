/**
 * A vector of a record whose unions are selected by another of its members
 * (`model/selectors.ts`: `evtchn_status.status`, `gnttab_cache_flush.op`, the `cmd` of a
 * dispatch record) sets that member to a value naming the union member the vector fills, so
 * the vector is a value the typed layers can hold: read through the member in use, the bytes
 * come back whole. A `values` arm takes its first constant; a `flag` arm sets the flag's bits
 * in the random value; an `otherwise` arm clears every other arm's flag bits. A union member no
 * arm names keeps the random value, unless it happens to name an arm (then it is moved off
 * it); when the union has an `otherwise` arm, such a vector is no value of the typed form.
 */
import { unionSelectors } from '../../generators/src/model/selectors.js';
import type { Arch, RecordDecl, SelectedArm, UnionSelector } from '../../generators/src/model/types.js';
import type { ReleaseModel } from '../../generators/src/select/release.js';
import type { Variant } from './shape.js';

/** The selectors of each record, and the value of a constant on an architecture. */
export interface TagLookup {
  selectors(record: RecordDecl): UnionSelector[];
  constant(name: string, arch: Arch): bigint;
}

export function tagLookup(model: ReleaseModel): TagLookup {
  const lookup = {
    records: new Map(model.records.map((r) => [r.name, r])),
    aliases: new Map(model.aliases.map((a) => [a.name, a])),
    model,
  };
  const constants = new Map(model.constants.map((c) => [c.name, c]));
  return {
    selectors: (record) => unionSelectors(lookup, record),
    constant(name, arch) {
      const c = constants.get(name);
      if (!c) throw new Error(`vectors: the selector constant ${name} is not declared`);
      return BigInt(c.values?.[arch] ?? c.value);
    },
  };
}

/** The union member a variant fills in `union` (`u.pirq` → `pirq`), if any. */
function chosen(choices: readonly string[], union: string): string | undefined {
  const prefix = `${union}.`;
  const path = choices.find((c) => c.startsWith(prefix) && !c.slice(prefix.length).includes('.'));
  return path?.slice(prefix.length);
}

/** The bits of every flag arm of a selector but `except`. */
function flagBits(lookup: TagLookup, selector: UnionSelector, arch: Arch, except?: SelectedArm): bigint {
  return selector.arms.reduce((bits, a) => (a.flag && a !== except ? bits | lookup.constant(a.flag, arch) : bits), 0n);
}

/** Whether `value` of the selecting member names `arm`. */
function names(lookup: TagLookup, selector: UnionSelector, arm: SelectedArm, value: bigint, arch: Arch): boolean {
  if (arm.values) return arm.values.some((v) => lookup.constant(v, arch) === value);
  if (arm.flag) return (value & lookup.constant(arm.flag, arch)) !== 0n;
  return !selector.arms.some((a) => !a.otherwise && names(lookup, selector, a, value, arch));
}

/**
 * Rewrites `values` (one per leaf of `variant`) so each selecting member names the member the
 * variant fills.
 */
export function applyTags(lookup: TagLookup, record: RecordDecl, variant: Variant, values: bigint[], arch: Arch): void {
  for (const selector of lookup.selectors(record)) {
    const member = chosen(variant.choices, selector.union);
    if (member === undefined || selector.by === undefined) continue;
    const at = variant.leaves.findIndex((l) => l.path === selector.by);
    if (at < 0) throw new Error(`vectors: ${record.name}.${selector.by}, which selects ${selector.union}, is not an integer member`);
    const leaf = variant.leaves[at]!;
    const mask = (1n << BigInt(leaf.bits)) - 1n;
    const fit = (v: bigint) => (leaf.signed ? BigInt.asIntN(leaf.bits, v) : BigInt.asUintN(leaf.bits, v));
    const random = values[at]!;
    const arm = selector.arms.find((a) => a.member === member);
    const namesNone = (v: bigint) => !selector.arms.some((a) => !a.otherwise && names(lookup, selector, a, v, arch));
    /** The first value from `v` on that names no arm but `otherwise`. */
    const off = (v: bigint) => {
      while (!namesNone(v)) v = fit(v + 1n);
      return v;
    };
    if (arm?.values) values[at] = fit(lookup.constant(arm.values[0]!, arch));
    else if (arm?.flag) values[at] = fit((random | lookup.constant(arm.flag, arch)) & mask);
    else if (arm?.otherwise) values[at] = off(fit(random & ~flagBits(lookup, selector, arch) & mask));
    // No arm names the member: its bytes stay raw (`Unselected`) when the value names no arm.
    else if (!selector.arms.some((a) => a.otherwise)) values[at] = off(random);
  }
}

/**
 * Whether a vector (its union choices and its members' values) is a value of the record's
 * typed form: every selecting member names the union member filled, or, for a member no arm
 * names, no arm at all. A record without selectors is always one.
 */
export function isTypedValue(lookup: TagLookup, record: RecordDecl, choices: readonly string[], valueAt: (path: string) => bigint | undefined, arch: Arch): boolean {
  return lookup.selectors(record).every((selector) => {
    const member = chosen(choices, selector.union);
    if (member === undefined || selector.by === undefined) return true;
    const value = valueAt(selector.by);
    if (value === undefined) return false;
    const arm = selector.arms.find((a) => a.member === member);
    return arm ? names(lookup, selector, arm, value, arch) : !selector.arms.some((a) => names(lookup, selector, a, value, arch));
  });
}
