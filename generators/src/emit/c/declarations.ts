/**
 * C view-model, declarations: the items of one module as the strings the header templates
 * print, in `ModuleDecl.order`. Records with their members (inline ones printed in place),
 * typedefs, constants, and our guest-handle typedefs; conditions for items that exist on some
 * architectures or guest interface versions only. No layout arithmetic happens here.
 */
import { ARCHES, onArch } from '../../model/arch.js';
import type {
  AliasDecl,
  Arch,
  ArchScalarName,
  ConstantDecl,
  ConstantSetDecl,
  Field,
  HandleType,
  ModuleDecl,
  RecordDecl,
  TypeRef,
} from '../../model/types.js';
import type { ReleaseModel } from '../../select/release.js';
import {
  archCondition,
  archScalarSpelling,
  belowInterfaceCondition,
  checkIdentifier,
  constantLiteral,
  cString,
  declarator,
  docCommentLines,
  guestInterfaceCondition,
  handleDefinedMacro,
  handlePointee,
  handleTypedefName,
  indentedDocCommentLines,
  interfaceVersionLiteral,
  plainCommentLines,
  recordTypeName,
} from './names.js';

/** A run of consecutive declarations with the same architecture condition shares one `#if`. */
export interface Conditional {
  /**
   * `#if` condition for an item or member that exists on some architectures only, or that
   * Xen shows only from some guest interface version on; "" otherwise.
   */
  condition: string;
  /** The condition to open before this one, when it starts a run; "" otherwise. */
  open: string;
  /** The condition to close after this one, when it ends a run; "" otherwise. */
  close: string;
}

export interface MemberView extends Conditional {
  doc: string[];
  /** Leading white space of every line of the member. */
  indent: string;
  /** An inline record, printed in place; false for a plain member. */
  nested: { open: string; members: MemberView[]; close: string } | false;
  /** The member declaration, when not nested. */
  decl: string;
}

export interface DeclView extends Conditional {
  doc: string[];
  /** Lines before the declaration (the `#error` of a record whose members depend on the architecture). */
  pre: string[];
  record: { open: string; members: MemberView[]; close: string; after: string[] } | false;
  /** Alias, constant or comment lines. */
  lines: string[];
}

export interface HandleView {
  doc: string[];
  definedMacro: string;
  branches: { directive: string; condition: string; typedef: string }[];
  error: string;
}


/** What every declaration builder reads: the model, the module, its records by name, its architectures. */
export interface Ctx {
  model: ReleaseModel;
  module: ModuleDecl;
  records: Map<string, RecordDecl>;
  archs: Arch[];
}

/** The C types of the per-architecture integer typedefs the `xen` module declares. */
export const ARCH_SCALAR_TYPEDEFS: { name: ArchScalarName; doc: string; types: Record<Arch, string> }[] = [
  {
    name: 'xen_ulong_t',
    doc: 'The word of the Xen ABI: 32 bits on x86_32, 64 bits on x86_64 and on both Arm architectures, so that 32- and 64-bit Arm guests share one layout.',
    types: { x86_32: 'unsigned long', x86_64: 'unsigned long', arm32: 'uint64_t', arm64: 'unsigned long' },
  },
  {
    name: 'xen_pfn_t',
    doc: 'A guest page frame number; as wide as xen_ulong_t.',
    types: { x86_32: 'unsigned long', x86_64: 'unsigned long', arm32: 'uint64_t', arm64: 'unsigned long' },
  },
];

/** The module that declares `xen_ulong_t` and `xen_pfn_t`. */
export const COMMON_MODULE = 'xen';

/** `ModuleDecl.order` without repeats: an item Xen renumbered is declared twice, once per lifetime. */
export function declarationOrder(module: Pick<ModuleDecl, 'order'>): string[] {
  return [...new Set(module.order)];
}

/** Marks where runs of equal architecture conditions open and close, so each run gets one `#if`. */
export function conditionRuns<T extends Conditional>(views: T[]): T[] {
  return views.map((v, i) => ({
    ...v,
    open: v.condition && views[i - 1]?.condition !== v.condition ? v.condition : '',
    close: v.condition && views[i + 1]?.condition !== v.condition ? v.condition : '',
  }));
}

export function declOf(ctx: Ctx, name: string): DeclView | undefined {
  const record = ctx.records.get(name);
  if (record) return recordDecl(ctx, record);
  const alias = ctx.model.aliases.find((a) => a.name === name);
  if (alias) return aliasDecl(ctx, alias);
  const constant = ctx.model.constants.find((c) => c.name === name);
  if (constant) return constantDecl(ctx, constant);
  if (ctx.model.sets.some((s) => s.name === name)) return undefined;
  throw new Error(`module ${ctx.module.name}: ${name} is in the declaration order but not in the model`);
}

/** An item's gates that C can express: the architectures and the guest interface version. */
interface Gated {
  archs?: readonly Arch[];
  guestInterface?: { min: string };
}

function emptyDecl(doc: string[], item: Gated, ctx: Ctx): DeclView {
  return { doc, condition: itemCondition(item, ctx.archs), open: '', close: '', pre: [], record: false, lines: [] };
}

/** The `#if` an item needs: its architectures within its container's, and its guest interface version. */
export function itemCondition(item: Gated, outer: readonly Arch[]): string {
  const parts = [restrictedCondition(item.archs, outer), item.guestInterface ? guestInterfaceCondition(item.guestInterface.min) : ''].filter(Boolean);
  return parts.length > 1 ? parts.map((p) => `(${p})`).join(' && ') : (parts[0] ?? '');
}

/** The `#if` for an item or member restricted to some of the architectures its container exists on; "" when it is not. */
function restrictedCondition(archs: readonly Arch[] | undefined, outer: readonly Arch[]): string {
  if (!archs) return '';
  const on = outer.filter((a) => archs.includes(a));
  if (on.length === outer.length) return '';
  if (on.length === 0) throw new Error(`restricted to ${archs.join(', ')}, which its container never exists on`);
  return archCondition(on);
}

function aliasDecl(ctx: Ctx, alias: AliasDecl): DeclView {
  checkIdentifier(alias.name, 'typedef');
  return { ...emptyDecl(docCommentLines(alias.doc), alias, ctx), lines: [`typedef ${typeSpelling(ctx, alias.type)} ${declarator(alias.name, alias.type)};`] };
}

function constantDecl(ctx: Ctx, c: ConstantDecl): DeclView {
  checkIdentifier(c.name, 'constant');
  const iv = ctx.module.interfaceVersion?.constant === c.name;
  const literal = (value: string): string => (iv ? interfaceVersionLiteral(value) : constantLiteral(c, value));
  const on = ctx.archs.filter((a) => onArch(c, a));
  let lines: string[];
  if (c.values) {
    const branches = archBranches(Object.fromEntries(on.map((a) => [a, literal(c.values?.[a] ?? c.value)])) as Partial<Record<Arch, string>>);
    lines = [
      ...branches.flatMap((b, i) => [`${i === 0 ? '#if' : '#elif'} ${b.condition}`, `#define ${c.name} ${b.value}`]),
      '#else',
      `#error ${cString(`xenabi: ${c.name} has a value for ${on.join(', ')} only`)}`,
      '#endif',
    ];
  } else {
    lines = [`#define ${c.name} ${literal(c.value)}`];
  }
  if (ctx.module.coverage === 'partial' && ctx.module.namespace === 'stable') lines = [`#ifndef ${c.name}`, ...lines, '#endif'];
  return { ...emptyDecl(docCommentLines(constantDoc(ctx, c)), c, ctx), lines };
}

/** A flag's bit-number constant is documented by pointing at its mask, which carries the doc. */
function constantDoc(ctx: Ctx, c: ConstantDecl): string | undefined {
  const flag = ctx.model.sets.flatMap((s) => s.flags ?? []).find((f) => f.bitConstant === c.name);
  return flag ? `Bit number of ${flag.mask}.` : c.doc;
}

export function archScalarDecl(ctx: Ctx, s: (typeof ARCH_SCALAR_TYPEDEFS)[number]): DeclView {
  const branches = archBranches(Object.fromEntries(ARCHES.map((a) => [a, s.types[a]])));
  return {
    ...emptyDecl(docCommentLines(s.doc), {}, ctx),
    lines: [
      ...branches.flatMap((b, i) => [`${i === 0 ? '#if' : '#elif'} ${b.condition}`, `typedef ${b.value} ${s.name};`]),
      '#else',
      `#error ${cString(`xenabi: ${s.name} is defined for ${ARCHES.join(', ')} only`)}`,
      '#endif',
    ],
  };
}

/** Architectures grouped by equal value, in the order the values first appear. */
export function archBranches(values: Partial<Record<Arch, string>>): { condition: string; value: string }[] {
  const groups = new Map<string, Arch[]>();
  for (const arch of ARCHES) {
    const v = values[arch];
    if (v !== undefined) groups.set(v, [...(groups.get(v) ?? []), arch]);
  }
  return [...groups].map(([value, archs]) => ({ condition: archCondition(archs), value }));
}

/** A plain comment opening each constant set, printed before its first member. */
export function firstSetMembers(ctx: Ctx): Map<string, DeclView> {
  const out = new Map<string, DeclView>();
  const sets = ctx.model.sets.filter((s) => s.module === ctx.module.name);
  for (const s of sets) {
    const first = ctx.module.order.find((n) => ctx.model.constants.some((c) => c.name === n && c.set === s.name));
    if (first) out.set(first, { ...emptyDecl([], {}, ctx), lines: plainCommentLines(setHeading(s)) });
  }
  return out;
}

const SET_KINDS: Record<ConstantSetDecl['kind'], string> = { flags: 'flags', values: 'values', ops: 'operations' };

function setHeading(s: ConstantSetDecl): string {
  const where = s.field ? ` (for ${s.field})` : s.dispatch ? ` (for ${s.dispatch.record}.${s.dispatch.opField})` : '';
  return `${s.name}: ${SET_KINDS[s.kind]}${where}.${s.doc ? ` ${s.doc}` : ''}`;
}

// ---- Records ----------------------------------------------------------------------------

function recordDecl(ctx: Ctx, r: RecordDecl): DeclView {
  const type = recordTypeName(r);
  if (r.tag) checkIdentifier(r.tag, 'record tag');
  if (r.typedef) checkIdentifier(r.typedef, 'record typedef');
  const archs = ctx.archs.filter((a) => onArch(r, a));
  const open = r.tag ? `${type} {` : `typedef ${r.kind} {`;
  const close = r.tag ? '};' : `} ${r.typedef};`;
  const after = r.tag && r.typedef ? [`typedef ${type} ${r.typedef};`] : [];
  const perArch = hasArchMembers(ctx, r);
  const pre = [
    ...(perArch ? [`#if !(${archCondition(archs)})`, `#error ${cString(`xenabi: ${type} is defined for ${archs.join(', ')} only`)}`, '#endif'] : []),
    ...legacyNameLines(r),
  ];
  return { ...emptyDecl(docCommentLines(r.doc), r, ctx), pre, record: { open, members: membersOf(ctx, r, archs, INDENT), close, after } };
}

/** Below some interface version Xen calls the record by older names; the macros make ours do the same. */
export function legacyNameLines(r: Pick<RecordDecl, 'tag' | 'typedef' | 'legacyName'>): string[] {
  const legacy = r.legacyName;
  if (!legacy) return [];
  const defines = [
    ...(r.tag ? [`#define ${r.tag} ${legacy.name}`] : []),
    ...(r.typedef && legacy.typedef ? [`#define ${r.typedef} ${legacy.typedef}`] : []),
  ];
  return [`#if ${belowInterfaceCondition(legacy.belowInterfaceVersion)}`, ...defines, '#endif'];
}

function hasArchMembers(ctx: Ctx, r: RecordDecl): boolean {
  return r.fields.some((f) => f.archs || (f.type.kind === 'record' && ctx.records.get(f.type.name)?.parent === r.name && hasArchMembers(ctx, ctx.records.get(f.type.name) as RecordDecl)));
}

const INDENT = '    ';

function membersOf(ctx: Ctx, r: RecordDecl, archs: Arch[], indent: string): MemberView[] {
  return conditionRuns(r.fields.map((f) => memberView(ctx, r, f, archs, indent)));
}

function memberView(ctx: Ctx, r: RecordDecl, f: Field, archs: Arch[], indent: string): MemberView {
  if (f.name !== '') checkIdentifier(f.name, `member of ${r.name}`);
  const since = f.since && f.since !== r.since ? `Since Xen ${f.since}.` : undefined;
  const padding = f.padding && !f.doc ? 'Padding; must be zero.' : undefined;
  const inline = f.type.kind === 'record' ? ctx.records.get(f.type.name) : undefined;
  const base = { condition: restrictedCondition(f.archs, archs), open: '', close: '', indent, nested: false as const, decl: '' };
  if (inline?.parent === r.name) {
    const on = archs.filter((a) => onArch(f, a));
    const anonymous = f.name === '';
    return {
      ...base,
      doc: indentedDocCommentLines(indent, f.doc ?? inline.doc, since),
      nested: {
        open: `${anonymous ? '__extension__ ' : ''}${inline.kind} {`,
        members: membersOf(ctx, inline, on, indent + INDENT),
        close: anonymous ? '};' : `} ${f.name};`,
      },
    };
  }
  return { ...base, doc: indentedDocCommentLines(indent, f.doc, padding, since), decl: memberDecl(ctx, f) };
}

function memberDecl(ctx: Ctx, f: Field): string {
  const type = typeSpelling(ctx, f.type);
  if (f.bitWidth !== undefined) return `${type} ${f.name} : ${f.bitWidth};`;
  if (f.flexible) return `__extension__ ${type} ${declarator(f.name, f.type, true)};`;
  return `${type} ${declarator(f.name, f.type)};`;
}

/** A type as a member or typedef spells it, array dimensions excluded. */
function typeSpelling(ctx: Ctx, type: TypeRef): string {
  switch (type.kind) {
    case 'scalar':
    case 'alias':
      return type.name;
    case 'archScalar':
      return archScalarSpelling(type.name);
    case 'handle':
      return handleTypedefName(type);
    case 'array':
      return typeSpelling(ctx, type.element);
    case 'record': {
      const r = ctx.records.get(type.name);
      if (!r) throw new Error(`module ${ctx.module.name}: record ${type.name} is not in the model`);
      return recordTypeName(r);
    }
  }
}

// ---- Guest handles ----------------------------------------------------------------------

/** Handles an item uses, in member order, without repeats. */
export function itemHandles(ctx: Ctx, name: string): HandleType[] {
  const found = new Map<string, HandleType>();
  const visit = (t: TypeRef): void => {
    if (t.kind === 'handle') found.set(handleTypedefName(t), t);
    if (t.kind === 'array') visit(t.element);
    const r = t.kind === 'record' ? ctx.records.get(t.name) : undefined;
    if (r?.parent) r.fields.forEach((f) => visit(f.type));
  };
  const record = ctx.records.get(name);
  if (record) record.fields.forEach((f) => visit(f.type));
  const alias = ctx.model.aliases.find((a) => a.name === name);
  if (alias) visit(alias.type);
  return [...found.values()];
}

/** Xen's shapes under our names: x86 `struct { T *p; }`, Arm and x86_32's 64-bit handle a pointer/uint64 union. */
export function handleShapes(handle: HandleType): Record<Arch, string> {
  const name = handleTypedefName(handle);
  const p = `${handlePointee(handle)} *p;`;
  const x86 = `typedef struct { ${p} } ${name};`;
  const arm = `typedef union { ${p} uint64_t q; } ${name};`;
  const x86Wide = `__extension__ typedef struct { union { ${p} xenabi_uint64_aligned_t q; }; } ${name};`;
  return { x86_32: handle.width === '64' ? x86Wide : x86, x86_64: x86, arm32: arm, arm64: arm };
}

export function handleView(handle: HandleType): HandleView {
  const xenName = `${handle.width === '64' ? 'XEN_GUEST_HANDLE_64' : 'XEN_GUEST_HANDLE'}(${handle.const ? 'const_' : ''}${handle.target})`;
  return {
    doc: docCommentLines(`A guest handle to ${handlePointee(handle)}, shaped as Xen's ${xenName}. Set it with XENABI_SET_GUEST_HANDLE().`),
    definedMacro: handleDefinedMacro(handle),
    branches: archBranches(handleShapes(handle)).map((b, i) => ({ directive: i === 0 ? '#if' : '#elif', condition: b.condition, typedef: b.value })),
    error: cString(`xenabi: guest handles are defined for ${ARCHES.join(', ')} only`),
  };
}
