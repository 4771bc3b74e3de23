/**
 * The plan of an op set's typed layer, worked out once from the model so that every emitter
 * and test generator (the Rust enums, their tests, the shared vectors) agrees on it:
 *
 * - its shape: `tagged` when the ops travel in members of the dispatch record's payload union
 *   (`xen_dm_op`), `args` when the hypercall takes the op number and a pointer
 *   to the op's own record: a set without a payload union (`SCHEDOP`), or one with an op whose
 *   record has no member of the union (`EVTCHNOP`: the newer ops travel only apart);
 * - for a tagged set whose dispatch record holds more than the op, the union and padding, its
 *   header: the member carrying the interface version with the constant that fills it
 *   (`xen_domctl.interface_version`, `XEN_DOMCTL_INTERFACE_VERSION`), and the members the
 *   caller gives (`xen_domctl.domain`); a header with anything else is not typed;
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

/** What a tagged set's dispatch record holds besides the op, the payload union and padding. */
export interface DispatchHeader {
  /** The member holding the interface version, and the constant a call fills it with. */
  version?: { field: string; constant: string };
  /** Integer members the caller gives, in record order. @example ["domain"] */
  given: string[];
}

export interface OpSetPlan {
  set: string;
  shape: OpSetShape;
  /** For a tagged set whose record holds more than the op, the union and padding. */
  header?: DispatchHeader;
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
  const header = shape === 'tagged' ? dispatchHeader(lookup, set) : undefined;
  if (shape === 'tagged' && !header) return undefined;
  const ops: PlannedOp[] = [];
  const leftOut: LeftOutOp[] = [];
  for (const o of set.ops) {
    const reason = leftOutReason(lookup, o.constant, o.record, shape === 'tagged' ? o.member : undefined, shape);
    const selected = !reason && !!o.record && holdsUnion(lookup, lookup.records.get(o.record)!);
    if (reason) leftOut.push({ constant: o.constant, reason });
    else ops.push({ constant: o.constant, name: opName(set, o.constant, o.member), ...(shape === 'tagged' ? { member: o.member } : {}), ...(o.record ? { record: o.record } : {}), ...(selected ? { selected } : {}) });
  }
  if (!ops.length) return undefined;
  const extra = header && (header.version || header.given.length) ? { header } : {};
  return { set: set.name, shape, ...extra, ops, leftOut };
}

/**
 * The header of a tagged set's dispatch record: besides the op, the payload union and padding,
 * at most a version member (named `interface_version` or `version`, as Xen names it in every
 * dispatch record that has one), filled with the one `*_INTERFACE_VERSION` constant of the
 * set's module, and integer members the caller gives. Undefined when the record holds anything
 * else (a record, an array), or a version member without its constant: such a set is not typed.
 */
export function dispatchHeader(lookup: OpPlanLookup, set: ConstantSetDecl): DispatchHeader | undefined {
  const { record, opField, payloadField } = set.dispatch!;
  const decl = lookup.records.get(record);
  const payload = decl?.fields.find((f) => f.name === payloadField);
  const union = payload?.type.kind === 'record' ? lookup.records.get(payload.type.name) : undefined;
  if (!decl || union?.kind !== 'union') return undefined;
  const rest = decl.fields.filter((f) => f.name !== opField && f.name !== payloadField && !f.padding);
  if (rest.some((f) => !isInteger(lookup, f.type) || f.since || f.until || f.archs || f.bitWidth !== undefined)) return undefined;
  const versionField = rest.find((f) => VERSION_FIELDS.includes(f.name));
  const given = rest.filter((f) => f !== versionField).map((f) => f.name);
  if (!versionField) return { given };
  const constant = versionConstant(lookup, set);
  return constant ? { version: { field: versionField.name, constant }, given } : undefined;
}

const VERSION_FIELDS = ['interface_version', 'version'];

/** The one constant of the set's module named `*_INTERFACE_VERSION`, in this release. */
function versionConstant(lookup: OpPlanLookup, set: ConstantSetDecl): string | undefined {
  const found = [...lookup.constants.values()].filter((c) => c.module === set.module && c.namespace === set.namespace && c.name.endsWith('_INTERFACE_VERSION'));
  return found.length === 1 ? found[0]!.name : undefined;
}

function isInteger(lookup: Pick<OpPlanLookup, 'aliases'>, type: TypeRef, depth = 0): boolean {
  if (type.kind === 'scalar') return true;
  if (type.kind === 'alias' && depth < 16) {
    const alias = lookup.aliases.get(type.name);
    return !!alias && isInteger(lookup, alias.type, depth + 1);
  }
  return false;
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
