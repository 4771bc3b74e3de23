/**
 * C view-model, declarations: the items of one module as the strings the header templates
 * print, in `ModuleDecl.order`. Records with their members (inline ones printed in place),
 * typedefs, constants, and our guest-handle typedefs; conditions for items that exist on some
 * architectures, guest interface versions or releases only (`availability.ts` says which
 * release a header follows). No layout arithmetic happens here.
 */
import { ARCHES, onArch } from '../../model/arch.js';
import type {
  AliasDecl,
  Arch,
  ConstantDecl,
  ConstantSetDecl,
  Field,
  Gate,
  ModuleDecl,
  RecordDecl,
  TypeRef,
  XenOrigin,
} from '../../model/types.js';
import { XEN_TYPEDEFS_MODULE, type XenArchTypedef } from '../../model/xen-typedefs.js';
import type { ReleaseModel } from '../../select/release.js';
import { aliveCondition, allOf, fieldAlive, type Releases, type Selection } from './availability.js';
import { ringStateLines } from './rings.js';
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
  handleTypedefName,
  indentedDocCommentLines,
  interfaceVersionLiteral,
  ioctlExpression,
  plainCommentLines,
  recordTypeName,
} from './names.js';
import { directedDoc } from '../../model/directions.js';

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


/**
 * What every declaration builder reads: the model as the newest release has it, the module,
 * every record of the whole history by name (with all its members' lifetimes), the module's
 * architectures, the model per release and the release the header follows.
 */
export interface Ctx {
  model: ReleaseModel;
  module: ModuleDecl;
  records: Map<string, RecordDecl>;
  archs: Arch[];
  releases: Releases;
  selection: Selection;
}

/** The module that declares `xen_ulong_t` and `xen_pfn_t`. */
export const COMMON_MODULE = XEN_TYPEDEFS_MODULE;

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

/**
 * The declaration of `name`, declared in the releases `alive` of the header's selection: a
 * record once, its members conditioned on their own releases; a typedef or constant once per
 * distinct spelling, each under the releases that spell it so.
 */
export function declOf(ctx: Ctx, name: string, alive: string[]): DeclView | undefined {
  const record = ctx.records.get(name);
  if (record) return recordDecl(ctx, record, alive);
  const spelled = variants(ctx, name, alive, (release) => {
    const items = ctx.releases.lookup(release);
    const alias = items.aliases.get(name);
    if (alias) return aliasDecls(ctx, ctx.releases.view(release).aliases.filter((a) => a.name === name));
    const constant = items.constants.get(`${ctx.module.name}/${name}`);
    return constant ? constantDecl(ctx, constant, ctx.releases.view(release).sets) : undefined;
  });
  if (spelled) return spelled;
  if (ctx.releases.history.sets.some((s) => s.name === name)) return undefined;
  throw new Error(`module ${ctx.module.name}: ${name} is in the declaration order but not in the model`);
}

/**
 * One declaration from its spelling in each release: when they all agree, that one; else
 * the lines of each spelling under `#if`/`#elif` on the releases that have it. The doc
 * comment is the newest release's. Releases that see `name` alike (`Releases.segments`)
 * share the spelling of the first of them.
 */
function variants(ctx: Ctx, name: string, alive: string[], spell: (release: string) => DeclView | undefined): DeclView | undefined {
  const groups: { releases: string[]; decl: DeclView; key: string }[] = [];
  for (const run of ctx.releases.segments(name, alive)) {
    const decl = spell(run[0] as string);
    if (!decl) continue;
    const key = spellingKey(decl);
    const same = groups.find((g) => g.key === key);
    if (same) same.releases.push(...run);
    else groups.push({ releases: [...run], decl, key });
  }
  const newest = groups.at(-1)?.decl;
  if (!newest) return undefined;
  const condition = allOf(newest.condition, aliveCondition(ctx.selection, alive));
  if (groups.length === 1) return { ...newest, condition };
  const branch = (g: (typeof groups)[number], i: number): string =>
    i === 0 ? `#if ${aliveCondition(ctx.selection, g.releases, alive)}` : i === groups.length - 1 ? '#else' : `#elif ${aliveCondition(ctx.selection, g.releases, alive)}`;
  const lines = groups.flatMap((g, i) => [branch(g, i), ...g.decl.lines]);
  return { ...newest, condition, lines: [...lines, '#endif'] };
}

/** Two spellings are one variant when their lines and condition agree. */
function spellingKey(decl: DeclView): string {
  return JSON.stringify([decl.condition, decl.lines]);
}

/** An item's gates that C can express: the architectures, the guest interface version and Xen's other header. */
interface Gated {
  archs?: readonly Arch[];
  guestInterface?: { min: string };
  xenOrigin?: XenOrigin[];
}

function emptyDecl(doc: string[], item: Gated, ctx: Ctx): DeclView {
  return { doc, condition: allOf(itemCondition(item, ctx.archs), originCondition(item.xenOrigin)), open: '', close: '', pre: [], record: false, lines: [] };
}

/**
 * For an item Xen declares in another header than the module's (`xenOrigin`): true unless that
 * header was included and declared it, so whichever header comes first declares it.
 */
export function originCondition(origins: readonly XenOrigin[] | undefined): string {
  if (!origins || origins.length === 0) return '';
  const inForce = origins.map((o) =>
    allOf(o.archs ? archCondition(o.archs) : '', `defined(${o.guard})`, o.tools ? 'defined(__XEN__) || defined(__XEN_TOOLS__)' : ''),
  );
  const only = inForce.length === 1 ? (inForce[0] as string) : undefined;
  if (only && /^defined\(\w+\)$/.test(only)) return `!${only}`;
  return `!(${only ?? inForce.map((c) => `(${c})`).join(' || ')})`;
}

/** Doc paragraphs for an item's own gates (a module's gates are in the header's doc comment). */
export function gateDocs(gates: readonly Gate[] | undefined): string[] {
  return (gates ?? []).map((g) => `Needs the ${g.kind} setting ${g.name}${g.until ? ` (Xen ${g.since} to ${g.until})` : ''}: ${g.doc}`);
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

/**
 * A typedef; one spelled per architecture (`xen_callback_t`) is each spelling, with its doc,
 * under its own condition (its architectures, and Xen's header not in force).
 */
function aliasDecls(ctx: Ctx, spellings: readonly AliasDecl[]): DeclView {
  const [only] = spellings;
  if (spellings.length === 1 && only) return aliasDecl(ctx, only);
  const lines = spellings.flatMap((a) => {
    const decl = aliasDecl(ctx, a);
    return decl.condition ? [`#if ${decl.condition}`, ...decl.doc, ...decl.lines, '#endif'] : [...decl.doc, ...decl.lines];
  });
  return { ...emptyDecl([], {}, ctx), lines };
}

function aliasDecl(ctx: Ctx, alias: AliasDecl): DeclView {
  checkIdentifier(alias.name, 'typedef');
  const doc = docCommentLines(alias.doc, ...gateDocs(alias.gates));
  return { ...emptyDecl(doc, alias, ctx), lines: [`typedef ${typePrefix(typeSpelling(ctx, alias.type))}${declarator(alias.name, alias.type)};`] };
}

function constantDecl(ctx: Ctx, c: ConstantDecl, sets: readonly ConstantSetDecl[]): DeclView {
  checkIdentifier(c.name, 'constant');
  const iv = ctx.module.interfaceVersion?.constant === c.name;
  const literal = (value: string): string => (iv ? interfaceVersionLiteral(value) : constantLiteral(c, value));
  const on = ctx.archs.filter((a) => onArch(c, a));
  let lines: string[];
  if (c.values && c.legacyValue) throw new Error(`${c.name}: a per-architecture value and a legacy value cannot be spelled together`);
  if (c.ioctl) {
    // Spelled as Linux spells it, so the number follows the argument's size wherever it is compiled; the checks pin it.
    lines = [`#define ${c.name} ${ioctlExpression(c.ioctl, (t) => typeSpelling(ctx, t))}`];
  } else if (c.values) {
    const branches = archBranches(Object.fromEntries(on.map((a) => [a, literal(c.values?.[a] ?? c.value)])) as Partial<Record<Arch, string>>);
    lines = [
      ...branches.flatMap((b, i) => [`${i === 0 ? '#if' : '#elif'} ${b.condition}`, `#define ${c.name} ${b.value}`]),
      '#else',
      `#error ${cString(`xenabi: ${c.name} has a value for ${on.join(', ')} only`)}`,
      '#endif',
    ];
  } else if (c.legacyValue) {
    lines = [
      `#if ${belowInterfaceCondition(c.legacyValue.belowInterfaceVersion)}`,
      `#define ${c.name} ${literal(c.legacyValue.value)}`,
      '#else',
      `#define ${c.name} ${literal(c.value)}`,
      '#endif',
    ];
  } else {
    lines = [`#define ${c.name} ${literal(c.value)}`];
  }
  // A constant Xen may have defined first (in a header of the same name, or in another one) is defined only if it has not been.
  const xenMayDefine = (ctx.module.coverage === 'partial' && ctx.module.namespace === 'stable') || Boolean(c.xenOrigin);
  if (xenMayDefine) lines = [`#ifndef ${c.name}`, ...lines, '#endif'];
  const gated: Gated = { ...(c.archs ? { archs: c.archs } : {}), ...(c.guestInterface ? { guestInterface: c.guestInterface } : {}) };
  return { ...emptyDecl(docCommentLines(constantDoc(sets, c), legacyValueDoc(c), ...gateDocs(c.gates)), gated, ctx), lines };
}

/** Where the constant has Xen's other value for older guest interfaces, says when it applies. */
function legacyValueDoc(c: ConstantDecl): string | undefined {
  const legacy = c.legacyValue;
  if (!legacy) return undefined;
  return `${legacy.value} instead when __XEN_INTERFACE_VERSION__ is defined below ${legacy.belowInterfaceVersion}, as in Xen's header; never by default.`;
}

/** A flag's bit-number constant is documented by pointing at its mask, which carries the doc. */
function constantDoc(sets: readonly ConstantSetDecl[], c: ConstantDecl): string | undefined {
  const mask = flagMasks(sets).get(c.name);
  return mask !== undefined ? `Bit number of ${mask}.` : c.doc;
}

/** Each bit-number constant's mask: the first flag naming it, in set order. */
function flagMasks(sets: readonly ConstantSetDecl[]): ReadonlyMap<string, string> {
  let masks = masksOf.get(sets);
  if (!masks) {
    masks = new Map();
    for (const f of sets.flatMap((s) => s.flags ?? [])) if (f.bitConstant !== undefined && !masks.has(f.bitConstant)) masks.set(f.bitConstant, f.mask);
    masksOf.set(sets, masks);
  }
  return masks;
}

const masksOf = new WeakMap<readonly ConstantSetDecl[], Map<string, string>>();

export function archScalarDecl(ctx: Ctx, s: XenArchTypedef): DeclView {
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
export function firstSetMembers(ctx: Ctx, module: Pick<ModuleDecl, 'order'>): Map<string, DeclView> {
  const out = new Map<string, DeclView>();
  const sets = ctx.releases.history.sets.filter((s) => s.module === ctx.module.name);
  for (const s of sets) {
    const members = ctx.releases.setConstants(s.name);
    const first = module.order.find((n) => members.has(n));
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

/**
 * A record whose members are all C11 anonymous members (`hvm_hw_pci_irqs`) has no named member
 * in C99, which -Wpedantic refuses: `__extension__` before its declaration keeps it quiet, as it
 * does for the anonymous member itself.
 */
function onlyAnonymous(r: RecordDecl): boolean {
  return r.fields.length > 0 && r.fields.every((f) => f.name === '');
}

function recordDecl(ctx: Ctx, r: RecordDecl, alive: string[]): DeclView {
  const type = recordTypeName(r);
  if (r.tag) checkIdentifier(r.tag, 'record tag');
  if (r.typedef) checkIdentifier(r.typedef, 'record typedef');
  const archs = ctx.archs.filter((a) => onArch(r, a));
  const open = `${onlyAnonymous(r) ? '__extension__ ' : ''}${r.tag ? `${type} {` : `typedef ${r.kind} {`}`;
  const close = r.tag ? '};' : `} ${r.typedef};`;
  const after = [...(r.tag && r.typedef ? [`typedef ${type} ${r.typedef};`] : []), ...ringStateLines(r)];
  const perArch = hasArchMembers(ctx, r);
  const pedantic = embedsFlexible(ctx, r);
  const pre = [
    ...(perArch ? [`#if !(${archCondition(archs)})`, `#error ${cString(`xenabi: ${type} is defined for ${archs.join(', ')} only`)}`, '#endif'] : []),
    ...legacyNameLines(r),
    ...(pedantic ? PEDANTIC_OFF : []),
  ];
  const base = emptyDecl(docCommentLines(r.doc, ...gateDocs(r.gates)), r, ctx);
  const members = [...membersOf(ctx, r, archs, INDENT, alive), ...ringEntriesMember(ctx, r)];
  const closing = pedantic ? [...after, ...PEDANTIC_ON] : after;
  return { ...base, condition: allOf(base.condition, aliveCondition(ctx.selection, alive)), pre, record: { open, members, close, after: closing } };
}

/**
 * A record that holds, as a member, a record ending in a flexible array member (x86's PMU
 * contexts in `xen_pmu_arch`) is a GNU extension ISO C rejects under -Wpedantic, as Xen's own
 * header is; xenabi declares it with that warning off, so includers keep -Wpedantic -Werror.
 */
const PEDANTIC_OFF = ['#if defined(__GNUC__)', '#pragma GCC diagnostic push', '#pragma GCC diagnostic ignored "-Wpedantic"', '#endif'];
const PEDANTIC_ON = ['#if defined(__GNUC__)', '#pragma GCC diagnostic pop', '#endif'];

/** Whether a member of `r` (through inline records and arrays) is a record that ends in a flexible array member. */
function embedsFlexible(ctx: Ctx, r: RecordDecl, seen = new Set<string>()): boolean {
  const recordOf = (t: TypeRef): RecordDecl | undefined => {
    if (t.kind === 'array') return recordOf(t.element);
    return t.kind === 'record' ? ctx.model.records.find((x) => x.name === t.name) : undefined;
  };
  const ends = (x: RecordDecl): boolean => x.fields.some((f) => f.flexible) || x.fields.some((f) => { const y = recordOf(f.type); return !!y && y.parent === x.name && ends(y); });
  return r.fields.some((f) => {
    const y = recordOf(f.type);
    if (!y || seen.has(y.name)) return false;
    seen.add(y.name);
    return ends(y) || embedsFlexible(ctx, y, seen);
  });
}

/** A ring's entries, declared after its head as Xen's ring.h declares them (`XENPV_FLEX_ARRAY_DIM`). */
function ringEntriesMember(ctx: Ctx, r: RecordDecl): MemberView[] {
  if (!r.ring) return [];
  const entry = ctx.records.get(r.ring.entry);
  if (!entry) throw new Error(`module ${ctx.module.name}: ring ${r.ring.name} has no entry record ${r.ring.entry}`);
  const doc = indentedDocCommentLines(INDENT, 'The entries: as many as fit the page (__RING_SIZE). Xen declares one before 4.20 and a flexible array since, for guests of interface 0x00041300 on.');
  const decl = `__extension__ ${recordTypeName(entry)} ${checkIdentifier(r.ring.entries, `member of ${r.name}`)}[XENPV_FLEX_ARRAY_DIM];`;
  return [{ condition: '', open: '', close: '', indent: INDENT, nested: false, decl, doc }];
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

/** The members of `r` that exist in some of `alive`, the releases the record is declared in. */
function membersOf(ctx: Ctx, r: RecordDecl, archs: Arch[], indent: string, alive: string[]): MemberView[] {
  const present = r.fields.map((f) => ({ f, own: fieldAlive(f, alive) })).filter((x) => x.own.length > 0);
  return conditionRuns(present.flatMap(({ f, own }) => memberViews(ctx, r, f, archs, indent, { own, outer: alive })));
}

/**
 * A member, or for one Xen renamed or retyped at a guest interface version (`legacyName`,
 * `legacyType`) two: the current name and type for that version and later (and when none is
 * set), the older name and type below it, as Xen's header spells them.
 */
function memberViews(ctx: Ctx, r: RecordDecl, f: Field, archs: Arch[], indent: string, alive: { own: string[]; outer: string[] }): MemberView[] {
  const current = memberView(ctx, r, f, archs, indent, alive);
  const legacy = f.legacyName ?? (f.legacyType ? { name: f.name, belowInterfaceVersion: f.legacyType.belowInterfaceVersion } : undefined);
  if (!legacy) return [current];
  const version = legacy.belowInterfaceVersion;
  const type = f.legacyType?.belowInterfaceVersion === version ? f.legacyType.type : f.type;
  const doc = f.legacyName ? `Guests built for interface versions below ${version} see \`${f.name}\` under this name.` : `Guests built for interface versions below ${version} see \`${f.name}\` with this type.`;
  const older = memberView(ctx, r, { ...f, name: legacy.name, type, doc }, archs, indent, alive);
  return [
    { ...current, condition: allOf(current.condition, guestInterfaceCondition(version)) },
    { ...older, condition: allOf(older.condition, belowInterfaceCondition(version)) },
  ];
}

function memberView(ctx: Ctx, r: RecordDecl, f: Field, archs: Arch[], indent: string, alive: { own: string[]; outer: string[] }): MemberView {
  if (f.name !== '') checkIdentifier(f.name, `member of ${r.name}`);
  const since = f.since && f.since !== r.since ? `Since Xen ${f.since}.` : undefined;
  const padding = f.padding && !f.doc ? 'Padding; must be zero.' : undefined;
  const held = elementType(f.type);
  const inline = held.kind === 'record' ? ctx.records.get(held.name) : undefined;
  const condition = allOf(restrictedCondition(f.archs, archs), aliveCondition(ctx.selection, alive.own, alive.outer));
  const base = { condition, open: '', close: '', indent, nested: false as const, decl: '' };
  if (inline?.parent === r.name) {
    const on = archs.filter((a) => onArch(f, a));
    const anonymous = f.name === '';
    return {
      ...base,
      doc: indentedDocCommentLines(indent, directedDoc(f) ?? inline.doc, since),
      nested: {
        open: `${anonymous || onlyAnonymous(inline) ? '__extension__ ' : ''}${inline.kind} {`,
        members: membersOf(ctx, inline, on, indent + INDENT, alive.own),
        close: anonymous ? '};' : `} ${declarator(f.name, f.type)};`,
      },
    };
  }
  return { ...base, doc: indentedDocCommentLines(indent, directedDoc(f), padding, since), decl: memberDecl(ctx, f) };
}

/** The type an array holds, through every dimension; any other type itself. */
function elementType(type: TypeRef): TypeRef {
  return type.kind === 'array' ? elementType(type.element) : type;
}

function memberDecl(ctx: Ctx, f: Field): string {
  const type = typeSpelling(ctx, f.type);
  if (f.bitWidth !== undefined) return `${type} ${f.name} : ${f.bitWidth};`;
  if (f.flexible) return `__extension__ ${type} ${declarator(f.name, f.type, true)};`;
  return `${typePrefix(type)}${declarator(f.name, f.type)};`;
}

/** A type before its declarator: `uint32_t ` but `void *` (the star binds to the name). */
export function typePrefix(type: string): string {
  return type.endsWith('*') ? type : `${type} `;
}

/** A type as a member or typedef spells it, array dimensions excluded: `uint32_t`, `const struct privcmd_dm_op_buf *`. */
export function typeSpelling(ctx: Ctx, type: TypeRef): string {
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
    case 'pointer':
      return `${type.const ? 'const ' : ''}${type.pointee ? typeSpelling(ctx, type.pointee) : 'void'} *`;
    case 'record': {
      const r = ctx.records.get(type.name);
      if (!r) throw new Error(`module ${ctx.module.name}: record ${type.name} is not in the model`);
      return recordTypeName(r);
    }
  }
}
