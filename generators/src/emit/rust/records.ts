/**
 * One record as the Rust templates print it: attributes, fields (with the storage plan's
 * bit-field storage and explicit holes), the typedef, trait impls, bit-field accessors and
 * the layout checks. Numbers come from the layout engine through `storage.ts`, once per run of
 * releases that lay the record out alike; what holds in some of the releases the features
 * select only is declared under their `cfg`.
 */
import { famView, type FamView } from './fam.js';
import type { Arch, ConstantSetDecl, Field, ModuleDecl, RecordDecl, TypeRef } from '../../model/types.js';
import { planOpSet } from '../../names/op-plan.js';
import { selectedRecordView, type SelectedRecordView } from './selected.js';
import { taggedDebugView, typedOpSet, typedOpsView, versionView, type TaggedDebugView, type TypedOpsView } from './ops.js';
import { dispatchHeader } from '../../names/op-plan.js';
import { onArch } from '../../model/arch.js';
import { existsIn } from '../../model/releases.js';
import { recordConsts, sinceNote, type ConstLine } from './availability.js';
import { aliasChecks, mergeBlocks, mergeChecks, recordChecks, type Check, type VersionedCheck, type VersionedLines } from './checks.js';
import { integerTypeOf } from './constants.js';
import { cfgIn, itemPresence, recordArchs, recordPresence, type RustContext, type Uses } from './context.js';
import {
  anonymousField,
  archList,
  bitfieldStorage,
  code,
  docParagraphs,
  featureName,
  holeField,
  ident,
  opGetterName,
  opMethodName,
  recordName,
  setterName,
  TARGET_ARCH,
} from './names.js';
import { groupUnits, presence, releaseSpan, type Presence } from './releases.js';
import { mergeSegments, needsAlign, planStorage, type BitsItem, type FieldItem, type HoleItem, type RecordStorage, type StorageSegment, type VersionedSlot } from './storage.js';
import { directedDoc, isDirected, isInput } from '../../model/directions.js';

export interface FieldView {
  docs: string[];
  cfg: string;
  name: string;
  type: string;
}

export interface AccessorView {
  getterDocs: string[];
  setterDocs: string[];
  getter: string;
  setter: string;
  type: string;
  getExpr: string;
  setExpr: string;
}

export interface ImplView {
  cfg: string;
  /** Where the accessors exist: the crate declares its bit-field helpers only there. */
  where: Presence;
  accessors: AccessorView[];
}

/**
 * One op of a set dispatched through this record: `xen_dm_op::create_ioreq_server(payload)`
 * makes the call, `call.as_create_ioreq_server()` reads the payload back when `op` says so,
 * so no user code reads the union itself.
 */
export interface OpMethodView {
  cfg: string;
  constant: string;
  opField: string;
  payloadField: string;
  member: string;
  payloadType: string;
  constructor: string;
  getter: string;
  /** The interface version the constructor fills in, for a record that has one (`xen_domctl`). */
  version: { field: string; constant: string; value: string } | undefined;
}

export interface RecordView {
  docs: string[];
  cfg: string;
  attrs: string[];
  keyword: 'struct' | 'union';
  name: string;
  fields: FieldView[];
  typedefs: { docs: string[]; cfg: string; line: string }[];
  /** `SINCE`, and `GATES` when the record needs any, for its own `impl`. */
  consts: ConstLine[];
  /** `impl Default` through `mem::zeroed` (unions, and structs with arrays longer than 32). */
  zeroedDefault: boolean;
  /** `impl Debug` that prints no members (unions). */
  opaqueDebug: boolean;
  /**
   * `unsafe impl vm_memory::ByteValued` under the `vm-memory` feature: a struct holding no union,
   * so every byte belongs to an integer (holes are explicit fields) and any bytes are a value.
   */
  byteValued: boolean;
  /** For a record ending in a flexible array: its `fam::FamStruct` impl (`fam.ts`). */
  fam?: FamView;
  accessorImpls: ImplView[];
  /** For the dispatch record of an op set: a constructor and a payload getter per op. */
  opMethods: OpMethodView[];
  /** For the dispatch record of an op set whose header is the op and padding: the typed enum of its calls. */
  typedOps?: TypedOpsView;
  /** For such a record: `impl Debug` printing the payload member the op names (it derives none). */
  taggedDebug?: TaggedDebugView;
  /** For a record holding unions each selected by another member: its typed form. */
  selected?: SelectedRecordView;
  /** For an op payload with directions: `new` taking its inputs alone, the rest zero. */
  inputCtor?: { params: { name: string; type: string }[]; rest: boolean };
  /** Layout checks per architecture, each with the releases it holds in. */
  checks: Map<Arch, VersionedCheck[]>;
  /** Bit-field round trips for the tests, per architecture. */
  bitTests: Map<Arch, VersionedLines[]>;
  /** The releases the record exists in. */
  releases: string[];
}

const ZEROCOPY_ALL = ['zerocopy::FromBytes', 'zerocopy::IntoBytes', 'zerocopy::KnownLayout', 'zerocopy::Immutable'];
const ZEROCOPY_NO_INTO = ['zerocopy::FromBytes', 'zerocopy::KnownLayout', 'zerocopy::Immutable'];

const SLOT_NAMES = { bits: bitfieldStorage, hole: holeField };

export function recordView(ctx: RustContext, module: ModuleDecl, record: RecordDecl, uses: Uses, scope: Presence): RecordView {
  const archs = recordArchs(ctx, record);
  const where = recordPresence(ctx, record);
  const releases = ctx.releases.itemReleases(record);
  if (record.namespace === 'stable') ctx.releases.assertRepresentable(record, releases);
  const segments = storageSegments(ctx, record, archs, releases);
  const name = recordName(record);
  const fieldNames = memberNames(record);
  const fieldTypes = new Map(record.fields.map((f, i) => [i, uses.type(f.type, presence(archs.filter((a) => onArch(f, a)), ctx.releases.fieldReleases(record, f, releases)))]));
  const union = record.kind === 'union';
  const withUnion = containsUnion(ctx, record);
  const zeroed = union || segments.some((s) => !defaultDerivable(ctx, record, s.storage));
  const methods = opMethods(ctx, record, uses, where);
  const opSet = typedOpSet(ctx, record);
  const derives = ['Clone', 'Copy', ...(union || opSet ? [] : ['Debug']), ...(zeroed ? [] : ['Default']), ...(withUnion ? [] : ['PartialEq', 'Eq'])];
  const zerocopy = withUnion ? ZEROCOPY_NO_INTO : ZEROCOPY_ALL;
  const cfg = cfgIn(ctx, where, scope);
  const fields = mergeSegments(segments, SLOT_NAMES).flatMap((slot) => slotFields(ctx, record, slot, where, fieldNames, fieldTypes));
  const perArch = <T>(f: (storage: RecordStorage, arch: Arch) => T) => (arch: Arch) => segments.filter((s) => s.storage.perArch.has(arch)).map((s) => ({ releases: s.releases, value: f(s.storage, arch) }));
  const checksOn = perArch((storage, a) => recordChecks(record, storage, fieldNames, fieldTypes, a));
  const bitTestsOn = perArch((storage, a) => bitTests(ctx, record, storage, a));
  return {
    docs: recordDocs(ctx, record, segments, [...scope.keys()]),
    cfg,
    attrs: [...reprLines(ctx, segments, where), `#[derive(${derives.join(', ')})]`, `#[cfg_attr(feature = "zerocopy", derive(${zerocopy.join(', ')}))]`],
    keyword: record.kind,
    name,
    fields,
    typedefs: record.typedef && record.typedef !== record.name ? [typedefView(record, cfg)] : [],
    consts: recordConsts(ctx, module, record),
    zeroedDefault: zeroed,
    opaqueDebug: union,
    byteValued: !union && !withUnion,
    fam: famView(record, fields, !union && !withUnion),
    accessorImpls: accessorImpls(ctx, record, segments, uses, where),
    opMethods: methods,
    inputCtor: inputCtor(record, fieldNames, fieldTypes, fields.length),
    ...typedParts(ctx, record, opSet, methods, uses, where, fields),
    // A record whose typed op layer came with a header keeps the typed form it had before (`XenFlaskOp`).
    selected: opSet && !hasHeader(ctx, opSet) ? undefined : selectedRecordView(ctx, record, { fields, cfg }, (u) => recordView(ctx, module, u, uses, scope)),
    checks: new Map(archs.map((a) => [a, mergeChecks(checksOn(a).map((s) => ({ releases: s.releases, checks: s.value })))])),
    bitTests: new Map(archs.map((a) => [a, mergeBlocks(bitTestsOn(a).map((s) => ({ releases: s.releases, blocks: s.value })))])),
    releases,
  };
}

/**
 * The record planned once per run of releases that lay it out alike (oldest first), each with
 * the layouts of the run's newest release and the members it has, under the names it gives
 * them; one run for the newest release only for an unstable record.
 */
function storageSegments(ctx: RustContext, record: RecordDecl, archs: readonly Arch[], releases: readonly string[]): StorageSegment[] {
  return ctx.releases.segments(record.name, releases).map((run) => {
    const at = run.at(-1)!;
    const memberName = (f: Field) => (existsIn(f, at) ? f.name : ctx.releases.predecessors(record, f).find((p) => existsIn(p, at))?.name);
    return { releases: run, storage: planStorage(record, archs, ctx.releases.layouts(at), SLOT_NAMES, memberName) };
  });
}

/** Rust field names by member index: Xen's names, `anonN` for C11 anonymous members. */
export function memberNames(record: RecordDecl): Map<number, string> {
  let anonymous = 0;
  return new Map(record.fields.map((f, i) => [i, f.name === '' ? anonymousField(anonymous++) : ident(f.name)]));
}

function recordDocs(ctx: RustContext, record: RecordDecl, segments: readonly StorageSegment[], scope: readonly Arch[]): string[] {
  const parent = record.parent ? ctx.records.get(record.parent) : undefined;
  const cName = parent
    ? `C: the ${record.kind} declared inline in ${code(`${parent.kind} ${parent.name}`)} as ${code(record.name)}; xenabi names it ${code(recordName(record))}.`
    : `C: ${code(`${record.kind} ${record.name}`)}${record.typedef && record.typedef !== record.name ? ` (typedef ${code(record.typedef)})` : ''}.`;
  const archs = segments[0]!.storage.archs;
  const xenSince = ctx.narrowed.get(record.name);
  const availability = [
    sinceNote(ctx, record),
    xenSince ? `Xen has it since ${xenSince}, but a member changed type (or the layout of a record it holds did) before ${record.since}, which additive features cannot declare: a program that supports older releases does without it.` : '',
    archs.length < scope.length ? `Only on ${archList(archs)}.` : '',
    record.guestInterface ? `Guests see it from interface version ${record.guestInterface.min} on.` : '',
    record.legacyName ? `Guests built for interface versions below ${record.legacyName.belowInterfaceVersion} call it ${code(record.legacyName.name)}.` : '',
  ].filter(Boolean).join(' ');
  const layout = layoutLine(ctx, segments);
  const union = record.kind === 'union' ? 'A Rust `union`: reading a member is `unsafe`; the member in use is named by another field, as the docs of each member say. Not `IntoBytes`, since members of different sizes leave bytes unset.' : '';
  return docParagraphs(record.doc, [cName], [availability], record.growable?.doc, gateLines(record), [union].filter(Boolean), [layout]);
}

/** Size and alignment per architecture; per run of releases when they differ (`Xen 4.8 to 4.10: …; Xen 4.11 on: …`). */
function layoutLine(ctx: RustContext, segments: readonly StorageSegment[]): string {
  const spans = new Map<string, string[]>();
  for (const { releases, storage } of segments) {
    const text = storage.archs.map((a) => `${TARGET_ARCH[a]} ${storage.perArch.get(a)!.layout.size}/${storage.perArch.get(a)!.layout.align}`).join(', ');
    spans.set(text, [...(spans.get(text) ?? []), ...releases]);
  }
  if (spans.size === 1) return `Layout (size/align in bytes): ${[...spans.keys()][0]}.`;
  return `Layout (size/align in bytes): ${[...spans].map(([text, releases]) => `${releaseSpan(releases, ctx.releases.known)}: ${text}`).join('; ')}.`;
}

/** Gates (build, boot and domain settings an item needs), one doc line each. */
export function gateLines(item: { gates?: { kind: string; name: string; doc: string; since: string; until?: string }[] }): string[] {
  return (item.gates ?? []).map((g) => `Needs the ${g.kind} setting ${code(g.name)}${g.since ? ` (since Xen ${g.since}${g.until ? `, until ${g.until}` : ''})` : ''}: ${g.doc}`);
}

function reprLines(ctx: RustContext, segments: readonly StorageSegment[], where: Presence): string[] {
  const known = ctx.releases.known;
  const units = segments.flatMap((s) => s.storage.archs.map((arch) => ({ releases: s.releases, arch, storage: s.storage })));
  const needed = groupUnits(units, (u) => needsAlign(u.storage.perArch.get(u.arch)!, ctx.releases.layouts(u.releases.at(-1)!).get(u.arch)!, ctx.aliasSpellings) ?? 0)
    .filter((g) => g.value > 0)
    .map((g) => ({ predicate: ctx.releases.predicate(g.where.presence(known), where), align: g.value }));
  if (needed.length === 1 && needed[0]!.predicate === '') return [`#[repr(C, align(${needed[0]!.align}))]`];
  return ['#[repr(C)]', ...needed.map((n) => `#[cfg_attr(${n.predicate}, repr(align(${n.align})))]`)];
}

function slotFields(
  ctx: RustContext,
  record: RecordDecl,
  slot: VersionedSlot,
  where: Presence,
  names: ReadonlyMap<number, string>,
  types: ReadonlyMap<number, string>,
): FieldView[] {
  const known = ctx.releases.known;
  if (slot.kind === 'field') {
    const item = slot.units[0]!.item as FieldItem;
    const [group] = groupUnits(slot.units, () => 0);
    const present = group!.where.presence(known);
    return [{ docs: fieldDocs(ctx, record, item.field, item.layout.type, [...present.keys()], [...where.keys()]), cfg: cfgIn(ctx, present, where), name: names.get(item.index)!, type: types.get(item.index)! }];
  }
  const value = (item: BitsItem | HoleItem) => (item.kind === 'bits' ? [item.size, ...item.members.map((m) => m.field.name)] : [item.size]);
  return groupUnits(slot.units, (u) => value(u.item as BitsItem | HoleItem)).map((g) => {
    const item = g.units[0]!.item;
    const present = g.where.presence(known);
    return {
      docs: item.kind === 'bits' ? bitsDocs(item) : holeDocs(record, item as HoleItem, g.where.archs),
      cfg: cfgIn(ctx, present, where),
      name: slot.name,
      type: `[u8; ${item.size}]`,
    };
  });
}

function fieldDocs(ctx: RustContext, record: RecordDecl, field: Field, cType: string, present: readonly Arch[], archs: readonly Arch[]): string[] {
  const notes = [
    field.padding ? 'Padding: Xen requires it to be zero.' : '',
    field.flexible ? `Flexible array member (C ${code(`${cType.replace(/\[\]$/, '')} ${field.name}[]`)}): the elements follow the record in memory; this zero-length array marks where they start and adds no bytes.` : '',
    field.name === '' ? 'A C11 anonymous member: in C its members belong to the enclosing record.' : '',
    lengthNote(field.type),
    field.since && field.since !== record.since ? fieldSince(ctx, record, field) : '',
    field.until ? untilNote(field.until) : '',
    present.length < archs.length ? `Only on ${archList(present)}.` : '',
  ].filter(Boolean);
  return docParagraphs(directedDoc(field), notes.length ? [notes.join(' ')] : []);
}

/** `Since Xen 4.15: cargo feature …`, or for a member that took over another's bytes, what it was called before. */
function fieldSince(ctx: RustContext, record: RecordDecl, field: Field): string {
  const before = ctx.releases.predecessors(record, field);
  if (before.length === 0) return sinceNote(ctx, { namespace: record.namespace, since: field.since! });
  return `Since Xen ${field.since}; before, the same bytes were ${before.map((p) => code(p.name)).join(', and before that ')} (declared here under the newest name whatever the features).`;
}

/** For a padding member a later release retyped (`keepRetypedPadding`): where it is declared. */
function untilNote(until: string): string {
  return `Before Xen ${until} only (${code(`not(feature = "${featureName(until)}")`)}): ${until} laid these bytes out otherwise, and the crate declares this padding only where it exists, as it does a hole.`;
}

function lengthNote(type: TypeRef): string {
  if (type.kind !== 'array' || !type.lengthConstant) return '';
  return `Length: ${code(type.lengthConstant)} (${type.length}).`;
}

function bitsDocs(item: BitsItem): string[] {
  const list = item.members.map((m) => code(`${m.layout.type} ${m.field.name}:${m.layout.bitWidth}`)).join(', ');
  return [`Storage of the C bit-fields ${list}, in bytes ${item.offset}..${item.offset + item.size}.`, 'Read and write them with the accessor methods; bit 0 is the least significant bit of the first byte.'];
}

function holeDocs(record: RecordDecl, item: HoleItem, archs: readonly Arch[]): string[] {
  const declared = (record.holes ?? []).find((h) => h.after === item.after && archs.some((a) => h.archs.includes(a)));
  const where = item.hole.tail ? `at the end of the record (after ${code(item.after)})` : `after ${code(item.after)}`;
  return [
    `${item.size} ${item.size === 1 ? 'byte' : 'bytes'} the C compiler inserts ${where}${declared ? `: ${declared.reason}` : ''}.`,
    'Explicit here so that no byte of the record is hidden padding; keep it zero.',
  ];
}

function typedefView(record: RecordDecl, cfg: string) {
  return {
    docs: [`C: ${code(`typedef ${record.kind} ${record.name} ${record.typedef}`)}.`],
    cfg,
    line: `pub type ${ident(record.typedef!)} = ${recordName(record)};`,
  };
}

/** Whether a record holds a union, directly or through members: such a record cannot be `IntoBytes` or `PartialEq`. */
export function containsUnion(ctx: RustContext, record: RecordDecl, seen = new Set<string>()): boolean {
  if (record.kind === 'union') return true;
  if (seen.has(record.name)) return false;
  seen.add(record.name);
  return record.fields.some((f) => {
    const inner = recordOfType(ctx, f.type);
    return inner ? containsUnion(ctx, inner, seen) : false;
  });
}

function recordOfType(ctx: RustContext, type: TypeRef): RecordDecl | undefined {
  if (type.kind === 'record') return ctx.records.get(type.name);
  if (type.kind === 'array') return recordOfType(ctx, type.element);
  // The first spelling a record: a typedef spelled per architecture is one on some of them only.
  if (type.kind === 'alias') return (ctx.aliasSpellings.get(type.name) ?? []).map((a) => recordOfType(ctx, a.type)).find(Boolean);
  return undefined;
}

/** `#[derive(Default)]` works unless a field is an array of more than 32 elements (core implements `Default` up to 32). */
function defaultDerivable(ctx: RustContext, record: RecordDecl, storage: RecordStorage): boolean {
  const longArray = (type: TypeRef): boolean => {
    if (type.kind === 'array') return type.length > 32;
    if (type.kind === 'alias') return (ctx.aliasSpellings.get(type.name) ?? []).some((a) => longArray(a.type));
    return false;
  };
  const longStorage = storage.slots.some((s) => s.kind !== 'field' && [...s.perArch.values()].some((i) => i.size > 32));
  return !longStorage && !record.fields.some((f) => longArray(f.type));
}

interface BitGeometry {
  storage: string;
  member: number;
  name: string;
  shift: number;
  width: number;
}

function geometry(storage: RecordStorage, arch: Arch): BitGeometry[] {
  return storage.slots.flatMap((slot) => {
    const item = slot.perArch.get(arch);
    if (!item || item.kind !== 'bits') return [];
    return item.members.map((m) => ({ storage: slot.name, member: m.index, name: m.field.name, shift: m.layout.bitOffset! - item.offset * 8, width: m.layout.bitWidth! }));
  });
}

/** Getter and setter per bit-field; one `impl` per group of architectures and releases that place the bits alike. */
function accessorImpls(ctx: RustContext, record: RecordDecl, segments: readonly StorageSegment[], uses: Uses, where: Presence): ImplView[] {
  const units = segments.flatMap((s) => s.storage.archs.map((arch) => ({ releases: s.releases, arch, storage: s.storage })));
  return groupUnits(units, (u) => geometry(u.storage, u.arch))
    .filter((g) => g.value.length > 0)
    .map((g) => {
      const present = g.where.presence(ctx.releases.known);
      return { cfg: cfgIn(ctx, present, where), where: present, accessors: g.value.map((b) => accessor(ctx, record, b, uses, present)) };
    });
}

/**
 * `new(inputs…)` of a payload with directions: the members a caller sets, in order. Only when
 * each of them is a plain member of every release and architecture of the record (a parameter
 * cannot come and go with the features).
 */
function inputCtor(record: RecordDecl, names: ReadonlyMap<number, string>, types: ReadonlyMap<number, string>, rustFields: number): RecordView['inputCtor'] {
  if (record.kind !== 'struct' || !isDirected(record)) return undefined;
  const inputs = record.fields.map((f, i) => ({ f, i })).filter(({ f }) => isInput(f));
  if (!inputs.length || inputs.some(({ f }) => f.since || f.until || f.archs || f.bitWidth !== undefined || f.flexible)) return undefined;
  return { params: inputs.map(({ i }) => ({ name: names.get(i)!, type: types.get(i)! })), rest: rustFields > inputs.length };
}

/** Whether the dispatch record of `set` holds more than the op, the payload union and padding. */
function hasHeader(ctx: RustContext, set: ConstantSetDecl): boolean {
  const header = dispatchHeader(ctx, set);
  return !!header && (!!header.version || header.given.length > 0);
}

/** The typed enum and the tagged `Debug` of a dispatch record, when `set` is its typed op set. */
function typedParts(
  ctx: RustContext,
  record: RecordDecl,
  set: ConstantSetDecl | undefined,
  methods: OpMethodView[],
  uses: Uses,
  where: Presence,
  fields: FieldView[],
): { typedOps?: TypedOpsView; taggedDebug?: TaggedDebugView } {
  if (!set) return { typedOps: undefined, taggedDebug: undefined };
  const plan = planOpSet(ctx, set);
  return {
    // The enum of a record's calls holds the ops its plan types; an op left out (no record, or
    // one holding a union) reads back as `Other`. A set where some op travels apart (EVTCHNOP)
    // is typed by the op number and record instead (`argOpsView`).
    typedOps: plan?.shape === 'tagged' ? typedOpsView(ctx, record, set, plan, methods, uses, where) : undefined,
    taggedDebug: taggedDebugView(fields, ident(set.dispatch!.payloadField!), methods),
  };
}

/** Where both exist: the architectures of both, each in the releases of both. */
function intersectPresence(a: Presence, b: Presence): Presence {
  const out = new Map<Arch, readonly string[]>();
  for (const [arch, releases] of a) {
    const other = new Set(b.get(arch) ?? []);
    const both = releases.filter((r) => other.has(r));
    if (both.length) out.set(arch, both);
  }
  return out;
}

/** The op methods of `record` when an op set dispatches through it with a payload union. */
function opMethods(ctx: RustContext, record: RecordDecl, uses: Uses, where: Presence): OpMethodView[] {
  const sets = ctx.model.sets.filter((s) => s.kind === 'ops' && s.dispatch?.record === record.name && s.dispatch.payloadField);
  const methods = sets.flatMap((s) => {
    const v = dispatchHeader(ctx, s)?.version;
    const version = v ? versionView(ctx, record, v, uses.type(record.fields.find((f) => f.name === v.field)!.type, where)) : undefined;
    return (s.ops ?? []).flatMap((op) => {
      const constant = ctx.constants.get(op.constant);
      if (!op.member || !op.record || !constant) return [];
      const payload = ctx.records.get(op.record);
      if (!payload) return [];
      // Where the op has its payload: an op numbered everywhere may carry it on some
      // architectures only (domctl's Arm dt_overlay, x86 vcpu_msrs).
      const at = intersectPresence(itemPresence(ctx, constant), recordPresence(ctx, payload));
      if (at.size === 0) return [];
      return [
        {
          cfg: cfgIn(ctx, at, where),
          constant: ident(op.constant),
          opField: ident(s.dispatch!.opField),
          payloadField: ident(s.dispatch!.payloadField!),
          member: ident(op.member),
          payloadType: uses.type({ kind: 'record', name: payload.name }, at),
          constructor: opMethodName(s, op.constant, op.member),
          getter: opGetterName(opMethodName(s, op.constant, op.member)),
          version,
        },
      ];
    });
  });
  const seen = new Map<string, string>();
  for (const m of methods) {
    const other = seen.get(m.constructor);
    if (other) throw new Error(`rust emitter: ${record.name} would get the op method ${m.constructor} for both ${other} and ${m.constant}`);
    seen.set(m.constructor, m.constant);
  }
  return methods;
}

function accessor(ctx: RustContext, record: RecordDecl, bit: BitGeometry, uses: Uses, archs: Presence): AccessorView {
  const field = record.fields[bit.member]!;
  const integer = integerTypeOf(field.type, ctx);
  if (!integer) throw new Error(`rust emitter: bit-field ${record.name}.${field.name} is not of an integer type`);
  const type = uses.type(field.type, archs);
  const signed = integer.primitive.startsWith('i');
  const where = `bits ${bit.shift}..${bit.shift + bit.width} of ${code(bit.storage)}`;
  return {
    getterDocs: docParagraphs(directedDoc(field), [`The C bit-field ${code(`${field.name}:${bit.width}`)}: ${where}.`]),
    setterDocs: [`Sets the C bit-field ${code(`${field.name}:${bit.width}`)} (${where}); only the low ${bit.width === 1 ? 'bit' : `${bit.width} bits`} of \`value\` ${bit.width === 1 ? 'is' : 'are'} stored, as in C.`],
    getter: ident(field.name),
    setter: setterName(field.name),
    type,
    getExpr: `crate::bitfield::${signed ? 'get_signed' : 'get'}(&self.${bit.storage}, ${bit.shift}, ${bit.width}) as ${type}`,
    setExpr: `crate::bitfield::set(&mut self.${bit.storage}, ${bit.shift}, ${bit.width}, value as u64)`,
  };
}

/**
 * For each bit-field: set it to all ones on a zeroed record, then check the storage bytes
 * have exactly its bits set and the getter reads them back. One block of lines per bit-field.
 */
function bitTests(ctx: RustContext, record: RecordDecl, storage: RecordStorage, arch: Arch): string[][] {
  const s = storage.perArch.get(arch)!;
  return geometry(storage, arch).map((b) => {
    const slot = storage.slots.find((x) => x.name === b.storage)!;
    const size = slot.perArch.get(arch)!.size;
    const bytes = Array.from({ length: size }, (_, i) => {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) if (i * 8 + bit >= b.shift && i * 8 + bit < b.shift + b.width) byte |= 1 << bit;
      return `0x${byte.toString(16).padStart(2, '0')}`;
    });
    const field = record.fields[b.member]!;
    const signed = integerTypeOf(field.type, ctx)!.primitive.startsWith('i');
    const all = signed ? '-1' : `0x${((1n << BigInt(b.width)) - 1n).toString(16)}`;
    const name = recordName(record);
    const label = `${record.name}.${field.name} on ${TARGET_ARCH[s.arch]}`;
    return [
      `let mut r = <${name} as Default>::default();`,
      `r.${setterName(field.name)}(!0);`,
      `assert_eq!(r.${b.storage}, [${bytes.join(', ')}], ${JSON.stringify(`${label}: bits`)});`,
      `assert_eq!(r.${ident(field.name)}(), ${all}, ${JSON.stringify(`${label}: read back`)});`,
    ];
  });
}

/** Checks of a typedef, for the module's assertion blocks. */
export function typedefAliasChecks(ctx: RustContext, name: string, arch: Arch): Check[] {
  return aliasChecks(ctx, name, ident(name), arch);
}
