/**
 * The fields of one record on one architecture, base against head: matched by name (an
 * anonymous member by its record), then unmatched ones paired as renames when they sit at
 * the same place with the same size. Reads the layout engine's tables; compares numbers,
 * never computes them.
 */
import type { Arch } from '../../model/types.js';
import { signednessOnly, splitArray, type CheckContext } from '../context.js';
import { fieldKey, fieldPath, type SideField, type SideLayout, type SideRecord } from '../side/types.js';

/** What the record comparator needs to know about the fields. */
export interface FieldComparison {
  /** Every base field is still there, at the same place, with the same size. */
  baseKept: boolean;
  /** Every new field comes after every field both sides have. */
  appendedOnly: boolean;
  /** Fields that are new on the head. */
  added: SideField[];
  /** Fields whose size changed, or new ones: what a union grew through. */
  grown: string[];
}

interface Pair {
  b: SideField;
  h: SideField;
  renamed: boolean;
}

export function compareFields(ctx: CheckContext, b: SideRecord, h: SideRecord, arch: Arch, bl: SideLayout, hl: SideLayout): FieldComparison {
  const headByKey = new Map(hl.fields.map((f) => [fieldKey(f), f]));
  const baseKeys = new Set(bl.fields.map(fieldKey));
  const pairs: Pair[] = [];
  const removed: SideField[] = [];
  for (const f of bl.fields) {
    const match = headByKey.get(fieldKey(f));
    if (match) pairs.push({ b: f, h: match, renamed: false });
    else removed.push(f);
  }
  const unmatched = hl.fields.filter((f) => !baseKeys.has(fieldKey(f)));
  // A removed field and a new one at the same place are a rename: each removed field takes
  // the first new one there. By place, so that a record of many fields costs no more than few.
  const newAt = new Map<string, SideField[]>();
  for (const f of unmatched) {
    const list = newAt.get(place(f));
    if (list) list.push(f);
    else newAt.set(place(f), [f]);
  }
  const renamedTo = new Set<SideField>();
  const gone = removed.filter((f) => {
    const twin = newAt.get(place(f))?.shift();
    if (twin) {
      pairs.push({ b: f, h: twin, renamed: true });
      renamedTo.add(twin);
    }
    return !twin;
  });
  const added = unmatched.filter((f) => !renamedTo.has(f));
  for (const f of gone) reportRemoved(ctx, h, f, arch);
  // A padding member that kept part of its bytes and gave the rest to new members (4.7's
  // vcpu_time_info: pad1[3] became flags and pad1[2]) moved no byte anyone may use: the new
  // members are what takes padding.
  const shrunk = new Set(pairs.filter((p) => shrankWithin(ctx, p, added)));
  const growable = !!(b.growable && h.growable && ctx.can('growable'));
  const fillsPadding = !growable && h.kind === 'struct' && bl.size === hl.size && gone.length === 0 && pairs.every((p) => p.b.offset === p.h.offset || shrunk.has(p));
  for (const f of added) reportAdded(ctx, h, f, arch, fillsPadding);
  for (const p of pairs) if (!shrunk.has(p)) comparePair(ctx, h, p, arch);
  if (h.kind === 'struct') reportOrder(ctx, h, bl, hl, pairs, arch);
  const position = new Map(hl.fields.map((f, i) => [f, i]));
  const lastShared = pairs.reduce((last, p) => Math.max(last, position.get(p.h) ?? -1), -1);
  return {
    baseKept: gone.length === 0 && pairs.every((p) => shrunk.has(p) || (p.b.offset === p.h.offset && p.b.size === p.h.size && p.b.bitOffset === p.h.bitOffset)),
    appendedOnly: added.every((f) => (position.get(f) ?? -1) > lastShared),
    added,
    grown: [...added.map((f) => f.name || fieldKey(f)), ...pairs.filter((p) => p.h.size !== p.b.size).map((p) => p.h.name || fieldKey(p.h))],
  };
}

/**
 * Padding on both sides, the head's bytes among the base's, and every byte it gave up taken by
 * a new member lying within those bytes. A padding member that merely shrinks (its bytes now
 * compiler padding, or later members moving up) is still reported.
 */
function shrankWithin(ctx: CheckContext, { b, h, renamed }: Pair, added: readonly SideField[]): boolean {
  if (!ctx.can('padding') || renamed || !b.padding || !h.padding || b.bitWidth !== undefined || h.bitWidth !== undefined) return false;
  const end = b.offset + b.size;
  if (h.offset < b.offset || h.offset + h.size > end || (h.offset === b.offset && h.size === b.size)) return false;
  const takers = added.filter((f) => !f.flexibleArray && f.bitWidth === undefined && f.offset >= b.offset && f.offset + f.size <= end);
  for (let byte = b.offset; byte < end; byte++) {
    if (byte >= h.offset && byte < h.offset + h.size) continue;
    if (!takers.some((f) => byte >= f.offset && byte < f.offset + f.size)) return false;
  }
  return true;
}

/** Offset, size, bit position and flexibility, as one key: fields at the same place are rename candidates. */
function place(f: SideField): string {
  return `${f.offset}|${f.size}|${f.bitOffset}|${f.bitWidth}|${!!f.flexibleArray}`;
}

function reportRemoved(ctx: CheckContext, h: SideRecord, f: SideField, arch: Arch): void {
  const at = ctx.fieldAt(h.name, fieldKey(f), fieldPath(h.name, f));
  if (f.flexibleArray) {
    ctx.report('FLEXIBLE_ARRAY_CHANGED', at, `${f.type} (flexible)`, null, `the flexible array member ${at.item} was removed`, arch);
    return;
  }
  ctx.report('FIELD_REMOVED', at, f.type, null, `${at.item} (${f.type} at offset ${f.offset}) was removed`, arch);
}

function reportAdded(ctx: CheckContext, h: SideRecord, f: SideField, arch: Arch, fillsPadding: boolean): void {
  const at = ctx.fieldAt(h.name, fieldKey(f), fieldPath(h.name, f));
  if (f.flexibleArray) {
    ctx.report('FLEXIBLE_ARRAY_CHANGED', at, null, `${f.type} (flexible)`, `a flexible array member ${at.item} was added`, arch);
  } else if (fillsPadding) {
    ctx.report(
      'PADDING_GIVEN_MEANING',
      at,
      'padding',
      f.type,
      `${at.item} (${f.type}) takes bytes that were compiler padding; old callers leave them uninitialised unless Xen required zero`,
      arch,
    );
  } else {
    ctx.report('FIELD_ADDED', at, null, f.type, `${at.item} (${f.type}) was added`, arch);
  }
}

/** Where a finding on a pair is located, worked out once and only when a finding is reported. */
type FieldSite = () => ReturnType<CheckContext['fieldAt']>;

function comparePair(ctx: CheckContext, h: SideRecord, { b, h: hf, renamed }: Pair, arch: Arch): void {
  let site: ReturnType<CheckContext['fieldAt']> | undefined;
  const at: FieldSite = () => (site ??= ctx.fieldAt(h.name, fieldKey(hf), fieldPath(h.name, hf)));
  const meaning = !!b.padding && !hf.padding && ctx.can('padding');
  if (meaning) {
    ctx.report('PADDING_GIVEN_MEANING', at(), renamed ? `padding ${b.name}` : 'padding', renamed ? `field ${hf.name}` : 'field', `${at().item} was padding Xen required to be zero and now carries a value`, arch);
  } else if (renamed) {
    ctx.report('FIELD_RENAMED', at(), b.name || fieldKey(b), hf.name || fieldKey(hf), `${fieldPath(h.name, b)} was renamed to ${at().item}`, arch);
  }
  if (b.bitWidth !== undefined || hf.bitWidth !== undefined) {
    if (b.bitOffset !== hf.bitOffset || b.bitWidth !== hf.bitWidth) {
      ctx.report('BITFIELD_CHANGED', at(), bitsOf(b), bitsOf(hf), `the bit-field ${at().item} moved or changed width`, arch);
      return;
    }
  }
  if (!!b.flexibleArray !== !!hf.flexibleArray) {
    ctx.report('FLEXIBLE_ARRAY_CHANGED', at(), flexOf(b), flexOf(hf), `${at().item} ${hf.flexibleArray ? 'became' : 'is no longer'} a flexible array member`, arch);
    return;
  }
  if (b.offset !== hf.offset) ctx.report('FIELD_OFFSET_CHANGED', at(), String(b.offset), String(hf.offset), `${at().item} moved from offset ${b.offset} to ${hf.offset}`, arch);
  compareTypes(ctx, at, b, hf, arch);
}

function compareTypes(ctx: CheckContext, at: FieldSite, b: SideField, h: SideField, arch: Arch): void {
  const rb = ctx.resolve('base', b.type);
  const rh = ctx.resolve('head', h.type);
  // The same spelling, size and meaning on both sides, as nearly every field is: nothing below can report.
  if (b.type === h.type && b.size === h.size && rb === rh) return;
  const ab = splitArray(rb);
  const ah = splitArray(rh);
  if (ab.dims && ah.dims && ab.element === ah.element && ab.lengths.length === ah.lengths.length && ab.dims !== ah.dims) {
    ctx.report('ARRAY_LENGTH_CHANGED', at(), ab.dims, ah.dims, `${at().item} is ${h.type}, was ${b.type}`, arch);
    return;
  }
  if (b.size !== h.size) {
    ctx.report('FIELD_WIDTH_CHANGED', at(), `${b.size}`, `${h.size}`, `${at().item} changed size from ${b.size} to ${h.size} bytes${b.type !== h.type ? ` (${b.type} → ${h.type})` : ''}`, arch);
    return;
  }
  // The same spelling is the same type: a typedef that changed is TYPEDEF_CHANGED's, and a
  // side that lists no typedefs must not make every typedef'd field look retyped.
  if (b.type === h.type) return;
  if (rb === rh) {
    if (ctx.can('aliases')) ctx.report('FIELD_TYPE_RESPELLED', at(), b.type, h.type, `${at().item} is spelled ${h.type}, was ${b.type}: the same type`, arch);
    return;
  }
  if (signednessOnly(rb, rh)) {
    ctx.report('FIELD_SIGNEDNESS_CHANGED', at(), b.type, h.type, `${at().item} changed signedness (${rb} → ${rh})`, arch);
    return;
  }
  ctx.report('FIELD_TYPE_CHANGED', at(), b.type, h.type, `${at().item} changed type from ${b.type} to ${h.type}`, arch);
}

function reportOrder(ctx: CheckContext, h: SideRecord, bl: SideLayout, hl: SideLayout, pairs: Pair[], arch: Arch): void {
  // Every field matched by name, in the same order on both sides (pairs follow the base's order): nothing moved.
  if (pairs.length === bl.fields.length && pairs.length === hl.fields.length && pairs.every((p, i) => p.b === bl.fields[i] && p.h === hl.fields[i])) return;
  const shared = new Map(pairs.map((p) => [p.b, p.h]));
  const baseOrder = bl.fields.filter((f) => shared.has(f)).map((f) => shared.get(f) as SideField);
  const inBase = new Set(baseOrder);
  const headOrder = hl.fields.filter((f) => inBase.has(f));
  if (baseOrder.every((f, i) => headOrder[i] === f)) return;
  const names = (list: SideField[]) => list.map((f) => f.name || fieldKey(f)).join(', ');
  const at = { ...ctx.itemAt('record', h.name) };
  ctx.report('FIELDS_REORDERED', at, names(baseOrder), names(headOrder), `the fields of ${h.name} are in a different order`, arch);
}

function bitsOf(f: SideField): string {
  return f.bitWidth !== undefined ? `bit ${f.bitOffset}, width ${f.bitWidth}` : `not a bit-field (${f.type})`;
}

function flexOf(f: SideField): string {
  return f.flexibleArray ? `${f.type} (flexible)` : f.type;
}
