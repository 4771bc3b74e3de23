/**
 * The plan of an op set's typed layer, worked out once from the model so that every emitter
 * and test generator (the Rust enums, their tests, the shared vectors) agrees on it:
 *
 * - its shape: `tagged` when the ops travel in members of the dispatch record's payload union
 *   and the record holds nothing else but padding (`xen_dm_op`), `args` when the hypercall takes the op number and a pointer
 *   to the op's own record: a set without a payload union (`SCHEDOP`), or one with an op whose
 *   record has no member of the union (`EVTCHNOP`: the newer ops travel only apart);
 * - the ops it types, each with its name (`opName`'s rule) and record;
 * - the ops it leaves out, with the reason: a record holding a union has bytes no safe code
 *   can read out (members of different sizes leave some unset), so such an op stays an
 *   undeclared op of the typed layer rather than making the whole set untyped, unless each
 *   union it holds is selected (`model/selectors.ts`): then, in a set whose ops travel apart,
 *   the op is `selected` and its typed form holds the member in use, never the union.
 */
import type { AliasDecl, ConstantDecl, ConstantSetDecl, RecordDecl, TypeRef } from '../model/types.js';
import { opName } from './ops.js';
import { selectedUnions, type SelectorLookup } from '../model/selectors.js';

export type OpSetShape = 'tagged' | 'args';

/** One op of a typed layer. */
export interface PlannedOp {
  /** The op-number constant. @example "EVTCHNOP_bind_virq" */
  constant: string;
  /** The op's name in its set. @example "bind_virq" */
  name: string;
  /** The payload union's member, for a tagged set. */
  member?: string;
  /** The op's record; absent for an op that takes none. */
  record?: string;
  /** The record holds unions, each selected by a member of it: typed through the member in use. */
  selected?: boolean;
}

/** An op of the set the typed layer does not type, and why. */
export interface LeftOutOp {
  constant: string;
  reason: string;
}

export interface OpSetPlan {
  set: string;
  shape: OpSetShape;
  ops: PlannedOp[];
  leftOut: LeftOutOp[];
}

/** What the plan looks items up in: a release's model, or the whole history. */
export interface OpPlanLookup extends SelectorLookup {
  records: ReadonlyMap<string, RecordDecl>;
  aliases: ReadonlyMap<string, AliasDecl>;
  constants: ReadonlyMap<string, ConstantDecl>;
}

export const UNION_REASON = 'its record holds a union no member of it selects, whose bytes safe code cannot read';

/** The plan of `set`'s typed layer; undefined for a set that is not an op set or has no op to type. */
export function planOpSet(lookup: OpPlanLookup, set: ConstantSetDecl): OpSetPlan | undefined {
  if (set.kind !== 'ops' || !set.ops?.length) return undefined;
  // An op with a record but no member of the union can only travel apart from the dispatch record.
  const apart = !set.dispatch?.payloadField || set.ops.some((o) => o.record && !o.member);
  const shape: OpSetShape = apart ? 'args' : 'tagged';
  if (shape === 'tagged' && !plainHeader(lookup, set)) return undefined;
  const ops: PlannedOp[] = [];
  const leftOut: LeftOutOp[] = [];
  for (const o of set.ops) {
    const reason = leftOutReason(lookup, o.constant, o.record, shape === 'tagged' ? o.member : undefined, shape);
    const selected = !reason && !!o.record && holdsUnion(lookup, lookup.records.get(o.record)!);
    if (reason) leftOut.push({ constant: o.constant, reason });
    else ops.push({ constant: o.constant, name: opName(set, o.constant, o.member), ...(shape === 'tagged' ? { member: o.member } : {}), ...(o.record ? { record: o.record } : {}), ...(selected ? { selected } : {}) });
  }
  return ops.length ? { set: set.name, shape, ops, leftOut } : undefined;
}

/**
 * Whether the dispatch record holds only the op, the payload union and padding: then a call is
 * the op and its payload, zero elsewhere. A header with more (`xen_flask_op`'s interface
 * version) is not typed.
 */
function plainHeader(lookup: OpPlanLookup, set: ConstantSetDecl): boolean {
  const { record, opField, payloadField } = set.dispatch!;
  const decl = lookup.records.get(record);
  const payload = decl?.fields.find((f) => f.name === payloadField);
  const union = payload?.type.kind === 'record' ? lookup.records.get(payload.type.name) : undefined;
  return !!decl && union?.kind === 'union' && decl.fields.every((f) => f.name === opField || f.name === payloadField || f.padding);
}

function leftOutReason(lookup: OpPlanLookup, constant: string, record: string | undefined, member: string | undefined, shape: OpSetShape): string | undefined {
  if (!lookup.constants.has(constant)) return 'its op number is not declared in this release';
  if (member !== undefined && !record) return 'its member has no record of its own';
  if (!record) return undefined;
  const decl = lookup.records.get(record);
  if (!decl) return 'its record is not declared in this release';
  if (decl.kind !== 'struct') return 'its record is a union';
  if (!holdsUnion(lookup, decl)) return undefined;
  // A payload travelling in the dispatch union must be plain bytes; one passed apart may be typed through its selectors.
  return shape === 'args' && selectedUnions(lookup, decl) ? undefined : UNION_REASON;
}

/** Whether `record` is or holds (through members, arrays and typedefs) a union. */
export function holdsUnion(lookup: Pick<OpPlanLookup, 'records' | 'aliases'>, record: RecordDecl, seen = new Set<string>()): boolean {
  if (record.kind === 'union') return true;
  if (seen.has(record.name)) return false;
  seen.add(record.name);
  return record.fields.some((f) => {
    const held = heldRecord(lookup, f.type);
    return held ? holdsUnion(lookup, held, seen) : false;
  });
}

function heldRecord(lookup: Pick<OpPlanLookup, 'records' | 'aliases'>, type: TypeRef, depth = 0): RecordDecl | undefined {
  if (type.kind === 'record') return lookup.records.get(type.name);
  if (type.kind === 'array') return heldRecord(lookup, type.element, depth + 1);
  if (type.kind === 'alias' && depth < 16) {
    const alias = lookup.aliases.get(type.name);
    return alias ? heldRecord(lookup, alias.type, depth + 1) : undefined;
  }
  return undefined;
}
