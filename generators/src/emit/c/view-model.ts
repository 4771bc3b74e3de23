/**
 * C view-model: one ABI module and the layout engine's tables turned into the plain strings
 * the header templates print. The header follows one release, chosen by the includer
 * (`availability.ts`); declarations (`declarations.ts`) keep `ModuleDecl.order`; our own names
 * (guest handles, availability macros, assertions) stay outside the blocks that Xen's include
 * guard skips. No layout arithmetic happens here.
 */
import { ARCHES, onArch } from '../../model/arch.js';
import { linuxVersionHex } from '../../model/linux.js';
import { releaseHex } from '../../model/releases.js';
import type { Arch, ArchScalarName, Field, ModuleDecl, RecordDecl, TypeRef } from '../../model/types.js';
import { XEN_ARCH_TYPEDEFS } from '../../model/xen-typedefs.js';
import type { ReleaseModel } from '../../select/release.js';
import {
  aliveCondition,
  allOf,
  conditionalLines,
  conditionalMembers,
  declaredItems,
  gatesValue,
  itemGates,
  mergeLines,
  Releases,
  selectionOf,
  sinceHex,
} from './availability.js';
import {
  archScalarDecl,
  COMMON_MODULE,
  conditionRuns,
  declOf,
  firstSetMembers,
  gateDocs,
  itemCondition,
  type Ctx,
  type DeclView,
  type HandleView,
} from './declarations.js';
import { handlePointeeIn, handleView, itemHandles } from './handles.js';
import { ringMacrosDecl } from './rings.js';
import { macroDecls } from './macros.js';
import { refusalsOf, type RefusalView } from './refusals.js';
import { archScalarChecks, assertionStatement, handleChecks, ioctlChecks, recordChecks } from './layout-checks.js';
import {
  archCondition,
  cString,
  docCommentLines,
  belowInterfaceCondition,
  gatesMacro,
  guestInterfaceCondition,
  handleTypedefName,
  hasMacro,
  headerGuard,
  linuxSinceMacro,
  includeName,
  memberExpression,
  memberMacroName,
  MIN_VERSION_MACRO,
  NEWEST_VERSION_MACRO,
  OLDEST_VERSION_MACRO,
  plainCommentLines,
  recordTypeName,
  sinceMacro,
  UMBRELLA_GUARD,
  VERSION_INCLUDE,
  wantMacro,
} from './names.js';

export type { Conditional, DeclView, HandleView, MemberView } from './declarations.js';
export type { RefusalView } from './refusals.js';
export { NO_XEN_HEADERS_AFTER } from './refusals.js';
export { COMMON_MODULE, declarationOrder } from './declarations.js';
export { Releases } from './availability.js';

export type BlockView = { xen: true; decls: DeclView[]; handle: false } | { xen: false; decls: []; handle: HandleView };

export interface HeaderView {
  doc: string[];
  guard: string;
  optIn: false | OptInView;
  /** The C library headers it needs: `stdint.h`, and `stddef.h` for `size_t`. */
  systemIncludes: string[];
  includes: string[];
  prelude: PreludeView;
  /** Our `_IOC`, for a header that declares ioctl numbers. */
  ioc: boolean;
  moduleArch: string;
  xenGuard: string;
  /** Configurations refused with an `#error`; the rest of the header is their `#else`. */
  refusals: RefusalView[];
  blocks: BlockView[];
  guardComment: string[];
  defineXenGuard: boolean;
  versionCheck: false | { condition: string; message: string };
  /** The comment over the `since` macros. */
  sinceComment: string[];
  since: { macro: string; value: string }[];
  has: string[];
  gates: { macro: string; value: string }[];
  checks: { condition: string; lines: string[] }[];
}

/** An unstable module's opt-in: the interface versions it accepts and the release each selects. */
export interface OptInView {
  wantMacro: string;
  releaseMacro: string;
  table: string[];
  choices: { literal: string; release: string }[];
  missing: string;
  unknown: string;
}

/** What the prelude says about `XENABI_XEN_MIN_VERSION`: its default, and the values it may take. */
export interface PreludeView {
  minMacro: string;
  newestMacro: string;
  oldestMacro: string;
  newest: string;
  oldest: string;
  /** True for a value that is no known release. */
  invalid: string;
  error: string;
}

/** The header of one module. `releases` holds the model per release and the release emitted. */
export function headerView(releases: Releases, module: ModuleDecl): HeaderView {
  const model = releases.newest;
  const selection = selectionOf(module, releases);
  const ctx: Ctx = {
    model,
    module,
    records: new Map(releases.history.records.map((r) => [r.name, r])),
    archs: [...(module.archs ?? ARCHES)],
    releases,
    selection,
  };
  const items = declaredItems(releases, selection, module);
  const ownsGuard = module.coverage === 'full' || module.namespace === 'unstable';
  return {
    doc: docCommentLines(module.doc, mirrorText(module), selectionText(ctx), ...gateDocs(module.gates)),
    guard: headerGuard(module.namespace, module.name),
    optIn: optInView(ctx),
    systemIncludes: systemIncludesOf(ctx),
    includes: includesOf(ctx),
    prelude: preludeView(releases),
    ioc: ctx.model.constants.some((c) => c.module === module.name && c.ioctl),
    moduleArch: module.archs ? archCondition(module.archs) : '',
    xenGuard: module.xenGuard,
    refusals: refusalsOf(ctx, items),
    blocks: blocksOf(ctx, items),
    guardComment: plainCommentLines(guardText(module)),
    defineXenGuard: ownsGuard,
    versionCheck: versionCheckView(ctx),
    sinceComment:
      module.namespace === 'linux'
        ? plainCommentLines(
            'Availability: the Linux release each item first appeared in, as LINUX_VERSION_CODE spells it (0xAABBCC for A.B.C). A kernel older than that refuses the ioctl (ENOTTY) or lacks the device.',
          )
        : ['/* Availability: the Xen release (as 0xMMmm00) each item, or later member, first appeared in. */'],
    since: module.namespace === 'linux' ? linuxSinceLines(ctx, items) : sinceLines(ctx, items),
    has: hasLines(ctx, items),
    gates: gateLines(ctx, items),
    checks: checksOf(ctx, items),
  };
}

/** Which upstream header the module mirrors. */
function mirrorText(module: ModuleDecl): string {
  if (module.namespace === 'linux') return `Declares, under Linux's names, the interface of Linux's header <${module.xenHeader}>; Xen releases do not change it.`;
  return `Declares, under Xen's names, the ABI of Xen's public header ${module.xenHeader}.`;
}

/** What the declarations follow: the includer's oldest supported release, or the interface version asked for. */
function selectionText(ctx: Ctx): string {
  if (ctx.module.namespace === 'linux') return `Linux adds to this interface and never changes what it has; XENABI_LINUX_SINCE_<item> says which Linux release added each item.`;
  if (ctx.module.namespace === 'stable') {
    return `Declares, of the newest release's items, those the Xen release ${MIN_VERSION_MACRO} (the oldest the includer supports; default ${NEWEST_VERSION_MACRO}) already had, as it had them; XENABI_HAS_<item> is defined for what is declared.`;
  }
  const want = wantMacro(ctx.module.interfaceVersion?.constant ?? '');
  return `Declares what the newest Xen release with the interface version ${want} names had, as it had it; ${ctx.selection.releaseMacro} is that release.`;
}

/** The prelude's check of `XENABI_XEN_MIN_VERSION`; the same in every header of one generation. */
export function preludeView(releases: Releases): PreludeView {
  const known = releases.known;
  const oldest = known[0] as string;
  const newest = known.at(-1) as string;
  const [major] = oldest.split('.');
  if (known.some((r, i) => r !== `${major}.${Number(oldest.split('.')[1]) + i}`)) throw new Error(`the known releases ${known.join(', ')} are not consecutive minor releases`);
  const m = MIN_VERSION_MACRO;
  return {
    minMacro: m,
    newestMacro: NEWEST_VERSION_MACRO,
    oldestMacro: OLDEST_VERSION_MACRO,
    newest: releaseHex(newest),
    oldest: releaseHex(oldest),
    invalid: `${m} < ${OLDEST_VERSION_MACRO} || ${m} > ${NEWEST_VERSION_MACRO} || (${m} & 0xff) != 0`,
    error: cString(`xenabi: ${m} must be a Xen release xenabi knows, written 0xMMmm00: ${releaseHex(oldest)} (Xen ${oldest}) to ${releaseHex(newest)} (Xen ${newest})`),
  };
}

/** Why this header does or does not define Xen's include guard. */
export function guardText(module: Pick<ModuleDecl, 'coverage' | 'namespace' | 'xenHeader'>): string {
  if (module.coverage === 'full') return `This header declares all of Xen's ${module.xenHeader}, so it defines Xen's guard: Xen's header, included after it, is skipped.`;
  if (module.namespace === 'unstable') {
    return `Xen's ${module.xenHeader} declares more than this header, but its records would clash with these, so this header defines Xen's guard: Xen's header, included after it, is skipped. Include Xen's header first to use the rest of it.`;
  }
  return `Xen's ${module.xenHeader} declares more than this header, so its guard stays undefined: Xen's header can still be included after this one, and repeats only identical typedefs.`;
}

// ---- Unstable modules -------------------------------------------------------------------

function optInView(ctx: Ctx): HeaderView['optIn'] {
  if (ctx.module.namespace !== 'unstable') return false;
  const constant = ctx.module.interfaceVersion?.constant ?? '';
  const header = includeName(ctx.module.namespace, ctx.module.name);
  const want = wantMacro(constant);
  const versions = ctx.selection.versions;
  const first = versions[0]?.literal ?? '';
  const last = versions.at(-1);
  const table = versions.map((v) => `${v.literal}: Xen ${v.releases.length > 1 ? `${v.releases.join(', ')} (declared as ${v.release})` : v.release}`);
  return {
    wantMacro: want,
    releaseMacro: ctx.selection.releaseMacro,
    table: plainCommentLines(`${want} chooses what this header declares: the ${ctx.module.xenHeader} of the newest Xen release with that ${constant}.\n${table.join('\n')}`),
    choices: versions.map((v) => ({ literal: v.literal, release: releaseHex(v.release) })),
    missing: cString(`${header} is an unstable interface: #define ${want} to the ${constant} of the Xen you talk to (${first} to ${last?.literal}; ${last?.literal} is Xen ${last?.release}) before including it`),
    unknown: cString(`${header}: ${want} is no ${constant} xenabi knows (${versions.map((v) => v.literal).join(', ')})`),
  };
}

/** Whether a constant exists on some architectures only, in some release. */
function somewhere(ctx: Ctx, constant: string): boolean {
  return ctx.releases.history.constants.some((c) => c.name === constant && c.archs !== undefined && c.archs.length < ARCHES.length);
}

function versionCheckView(ctx: Ctx): HeaderView['versionCheck'] {
  const constant = ctx.module.interfaceVersion?.constant;
  if (!constant) return false;
  const want = wantMacro(constant);
  return {
    // A constant of some architectures only (HVM_FILE_VERSION is x86's) is defined by neither
    // header on the others, where there is nothing to compare.
    condition: `${somewhere(ctx, constant) ? `defined(${constant}) && ` : ''}${constant} != ${want}`,
    message: cString(`Xen's ${ctx.module.xenHeader}, included before ${includeName(ctx.module.namespace, ctx.module.name)}, has another ${constant} than ${want}`),
  };
}

// ---- Includes ---------------------------------------------------------------------------

function systemIncludesOf(ctx: Ctx): string[] {
  return ['stdint.h', ...(moduleTypes(ctx).some((t) => t.kind === 'archScalar' && t.name === 'size_t') ? ['stddef.h'] : [])];
}

function includesOf(ctx: Ctx): string[] {
  const names = new Set(ctx.module.imports);
  const types = moduleTypes(ctx);
  if (ctx.module.name !== COMMON_MODULE && types.some((t) => t.kind === 'archScalar' && XEN_TYPEDEF_SCALARS.includes(t.name))) names.add(COMMON_MODULE);
  for (const t of types) {
    const owner = t.kind === 'array' && t.lengthConstant ? ctx.model.constants.find((c) => c.name === t.lengthConstant)?.module : handleOwner(ctx, t);
    if (owner) names.add(owner);
  }
  names.delete(ctx.module.name);
  const modules = [...names].sort().map((name) => {
    const m = ctx.model.modules.find((x) => x.name === name);
    if (!m) throw new Error(`module ${ctx.module.name} needs module ${name}, which the model does not have`);
    return includeName(m.namespace, m.name);
  });
  return [...modules, VERSION_INCLUDE];
}

/** The module declaring the typedef or record a guest handle points to, when the ABI declares it (`evtchn_port_t`). */
function handleOwner(ctx: Ctx, t: TypeRef): string | undefined {
  if (t.kind !== 'handle') return undefined;
  const alias = ctx.model.aliases.find((a) => a.name === t.pointee);
  if (alias) return alias.module;
  return ctx.model.records.find((r) => !r.parent && (r.typedef ?? r.name) === t.pointee)?.module;
}

/** Every type the module's declarations use in any release, arrays and inline records included. */
function moduleTypes(ctx: Ctx): TypeRef[] {
  const out: TypeRef[] = [];
  const visit = (t: TypeRef): void => {
    out.push(t);
    if (t.kind === 'array') visit(t.element);
    if (t.kind === 'pointer' && t.pointee) visit(t.pointee);
    const r = t.kind === 'record' ? ctx.records.get(t.name) : undefined;
    if (r?.parent) r.fields.forEach((f) => visit(f.type));
  };
  const history = ctx.releases.history;
  for (const r of history.records) if (r.module === ctx.module.name && !r.parent) r.fields.forEach((f) => visit(f.type));
  for (const a of history.aliases) if (a.module === ctx.module.name) visit(a.type);
  for (const c of history.constants) if (c.module === ctx.module.name && c.ioctl?.argument) visit(c.ioctl.argument);
  return out;
}

// ---- Declarations -----------------------------------------------------------------------

type Items = { name: string; alive: string[] }[];

function blocksOf(ctx: Ctx, items: Items): BlockView[] {
  const blocks: BlockView[] = [];
  let decls: DeclView[] = ctx.module.name === COMMON_MODULE ? XEN_ARCH_TYPEDEFS.map((s) => archScalarDecl(ctx, s)) : [];
  const handlesDone = new Set<string>();
  const setHeadings = firstSetMembers(ctx, { order: items.map((i) => i.name) });
  for (const { name, alive } of items) {
    const handles = itemHandles(ctx, name).filter((h) => !handlesDone.has(handleTypedefName(h)));
    if (handles.length > 0) {
      if (decls.length > 0) blocks.push({ xen: true, decls: conditionRuns(decls), handle: false });
      decls = [];
      for (const h of handles) {
        handlesDone.add(handleTypedefName(h));
        blocks.push({ xen: false, decls: [], handle: handleView(h, handlePointeeIn(ctx, h)) });
      }
    }
    const heading = setHeadings.get(name);
    const decl = declOf(ctx, name, alive);
    // A set's heading comment shares the condition of its first member, so it opens no #if of its own.
    if (heading) decls.push({ ...heading, condition: decl?.condition ?? '' });
    if (decl) decls.push(decl);
  }
  const macros = ringMacrosDecl(ctx.module.xenHeader);
  if (macros) decls.push(macros);
  decls.push(...macroDecls(ctx));
  if (decls.length > 0) blocks.push({ xen: true, decls: conditionRuns(decls), handle: false });
  return blocks;
}

// ---- Availability and layout checks ------------------------------------------------------

/** The first history declaration of an item (records, typedefs, constants, sets). */
function historyItem(ctx: Ctx, name: string) {
  const item = ctx.releases.historyItem(ctx.module.name, name);
  if (!item) throw new Error(`module ${ctx.module.name}: ${name} is in the declaration order but not in the model`);
  return item;
}

function sinceLines(ctx: Ctx, items: Items): HeaderView['since'] {
  const members = items.flatMap(({ name, alive }) => {
    const r = ctx.records.get(name);
    return r ? conditionalMembers(ctx.records, r, alive).filter((m) => m.since).map((m) => ({ macro: sinceMacro(memberMacroName(name, m.path)), value: releaseHex(m.since as string) })) : [];
  });
  return unique([...items.map(({ name }) => ({ macro: sinceMacro(name), value: sinceHex(ctx.releases, ctx.module.name, name) })), ...members]);
}

/** `XENABI_LINUX_SINCE_`: the Linux release of each item of a linux module, in `LINUX_VERSION_CODE` form. */
function linuxSinceLines(ctx: Ctx, items: Items): HeaderView['since'] {
  return unique(
    items.map(({ name }) => {
      const item = historyItem(ctx, name);
      if (!item.linuxSince) throw new Error(`module ${ctx.module.name}: ${name} has no linuxSince`);
      return { macro: linuxSinceMacro(name), value: linuxVersionHex(item.linuxSince) };
    }),
  );
}

/** `XENABI_HAS_`: each item, and each member some releases lack, exactly when it is declared. */
function hasLines(ctx: Ctx, items: Items): HeaderView['has'] {
  const lines = items.flatMap(({ name, alive }) => {
    const item = historyItem(ctx, name);
    const own = { macro: hasMacro(name), condition: allOf(itemCondition(item, ctx.archs), aliveCondition(ctx.selection, alive)) };
    const r = ctx.records.get(name);
    const archs = ctx.archs.filter((a) => !r?.archs || r.archs.includes(a));
    const members = r
      ? conditionalMembers(ctx.records, r, alive).map((m) => ({
          macro: hasMacro(memberMacroName(name, m.path)),
          condition: allOf(itemCondition({ ...(r.guestInterface ? { guestInterface: r.guestInterface } : {}), ...(m.archs ? { archs: m.archs } : {}) }, archs), aliveCondition(ctx.selection, m.alive)),
        }))
      : [];
    return [own, ...members];
  });
  return conditionalLines(unique(lines).map((l) => ({ line: `#define ${l.macro} 1`, condition: l.condition })));
}

/** `XENABI_GATES_`: the build, boot and domain settings of every gated item. */
function gateLines(ctx: Ctx, items: Items): HeaderView['gates'] {
  return items.flatMap(({ name, alive }) => {
    const gates = itemGates(ctx.module, historyItem(ctx, name), alive);
    return gates.length ? [{ macro: gatesMacro(name), value: cString(gatesValue(gates)) }] : [];
  });
}

function unique<T extends { macro: string }>(lines: T[]): T[] {
  const seen = new Set<string>();
  for (const l of lines) {
    if (seen.has(l.macro)) throw new Error(`two availability macros are named ${l.macro}`);
    seen.add(l.macro);
  }
  return lines;
}

/**
 * The checks of each record in every release the header can follow, per architecture; a
 * check that holds in some releases only sits under `#if` on those releases. A check every
 * architecture of the module makes alike (same expression, number and condition) is printed
 * once, under all of them (`byArchitecture`).
 */
function checksOf(ctx: Ctx, items: Items): HeaderView['checks'] {
  const module = ctx.module.name;
  const types = moduleTypes(ctx);
  const scalars = ARCH_SCALARS_CHECKED.filter((s) => types.some((t) => t.kind === 'archScalar' && t.name === s) || (module === COMMON_MODULE && XEN_TYPEDEF_SCALARS.includes(s)));
  const names = items.map((i) => i.name);
  const handles = names.flatMap((n) => itemHandles(ctx, n)).filter((h, i, all) => all.findIndex((x) => handleTypedefName(x) === handleTypedefName(h)) === i);
  const perArch = ctx.archs.map((arch) => {
    const layout = ctx.releases.layout(ctx.releases.newest.release, arch);
    const ioctls = ctx.model.constants.filter((c) => c.module === module && c.ioctl && names.includes(c.name) && onArch(c, arch));
    const checks = [
      ...scalars.flatMap((s) => archScalarChecks(module, s, layout)),
      ...handles.flatMap((h) => handleChecks(module, h, layout)),
      ...ioctls.flatMap((c) => ioctlChecks(module, c, layout)),
    ];
    const records = items.filter((i) => ctx.records.has(i.name)).flatMap(({ name, alive }) => recordCheckLines(ctx, name, alive, arch));
    return { arch, lines: [...checks.map((c) => ({ line: assertionStatement(c), condition: '' })), ...records] };
  });
  return byArchitecture(perArch);
}

type ConditionalLine = { line: string; condition: string };

/**
 * The checks as the header prints them: first those every architecture makes alike (the same
 * line under the same condition), once, under the condition of all of them; then, per
 * architecture, the rest. Each architecture compiles exactly the checks it made, in another
 * order; a number that differs between architectures is a line of each.
 */
export function byArchitecture(perArch: readonly { arch: Arch; lines: readonly ConditionalLine[] }[]): HeaderView['checks'] {
  // How many architectures make each line under each condition (lines by condition: no key strings to build).
  const archsOf = new Map<string, Map<string, number>>();
  for (const { lines } of perArch) {
    const seen = new Map<string, Set<string>>();
    for (const { line, condition } of lines) {
      let mine = seen.get(condition);
      if (!mine) seen.set(condition, (mine = new Set()));
      if (mine.has(line)) continue;
      mine.add(line);
      let counts = archsOf.get(condition);
      if (!counts) archsOf.set(condition, (counts = new Map()));
      counts.set(line, (counts.get(line) ?? 0) + 1);
    }
  }
  const everywhere = (l: ConditionalLine) => archsOf.get(l.condition)?.get(l.line) === perArch.length;
  const common = perArch[0]?.lines.filter(everywhere) ?? [];
  const blocks = common.length > 0 ? [{ condition: archCondition(perArch.map((p) => p.arch)), lines: conditionalLines(common) }] : [];
  for (const { arch, lines } of perArch) {
    const own = lines.filter((l) => !everywhere(l));
    if (own.length > 0) blocks.push({ condition: archCondition([arch]), lines: conditionalLines(own) });
  }
  return blocks;
}

/**
 * The checks of one record in each release it is declared in, each under the releases it
 * holds in. Releases that see the record alike (`Releases.segments`) share the checks of the
 * first of them.
 */
function recordCheckLines(ctx: Ctx, name: string, alive: string[], arch: (typeof ARCHES)[number]): { line: string; condition: string }[] {
  const runs = new Map<string, string[]>();
  const lineConditions = new Map<string, string>();
  const perRun = ctx.releases.segments(name, alive).flatMap((run) => {
    const release = run[0] as string;
    const layout = ctx.releases.layout(release, arch);
    const record = ctx.releases.lookup(release).records.get(name);
    if (!record || !layout.has(name)) return [];
    runs.set(release, run);
    const type = checkedType(ctx, record);
    const currentChecks = recordChecks(ctx.module.name, record, layout, type);
    const current = currentChecks.map(assertionStatement);
    // A member Xen retypes below an interface version keeps its offset; its size and alignment hold from that version on.
    for (const [path, version] of retypedMembers(ctx, record)) {
      for (const c of currentChecks) {
        if (c.field !== path || c.what === 'offset') continue;
        const l = assertionStatement(c);
        const condition = guestInterfaceCondition(version);
        if (!lineConditions.get(l)?.includes(condition)) lineConditions.set(l, allOf(lineConditions.get(l) ?? '', condition));
      }
    }
    // Members Xen renamed at a guest interface version are checked under the name the interface in force gives them.
    const legacy: string[] = [];
    for (const version of legacyVersions(ctx, record)) {
      const older = recordChecks(ctx.module.name, record, layout, type, legacySpeller(ctx, record, version)).map(assertionStatement);
      for (const l of current) if (!older.includes(l)) lineConditions.set(l, allOf(lineConditions.get(l) ?? '', guestInterfaceCondition(version)));
      for (const l of older) {
        if (current.includes(l)) continue;
        lineConditions.set(l, belowInterfaceCondition(version));
        legacy.push(l);
      }
    }
    return [{ release, lines: [...current, ...legacy] }];
  });
  const gi = ctx.records.get(name)?.guestInterface;
  const interfaceCondition = gi ? guestInterfaceCondition(gi.min) : '';
  // Most lines hold in the same releases: spell each distinct set of releases once.
  const conditions = new Map<string, string>();
  const conditionOf = (firsts: string[]): string => {
    const key = firsts.join(' ');
    let condition = conditions.get(key);
    if (condition === undefined) {
      condition = allOf(interfaceCondition, aliveCondition(ctx.selection, firsts.flatMap((r) => runs.get(r) ?? [])));
      conditions.set(key, condition);
    }
    return condition;
  };
  return mergeLines(perRun).map((m) => ({ line: m.line, condition: allOf(lineConditions.get(m.line) ?? '', conditionOf(m.releases)) }));
}

/** The guest interface versions below which Xen gives some member of `record` (or of its inline records) another name. */
function legacyVersions(ctx: Ctx, record: RecordDecl): string[] {
  const versions = new Set<string>();
  const walk = (r: RecordDecl): void => {
    for (const f of r.fields) {
      if (f.legacyName) versions.add(f.legacyName.belowInterfaceVersion);
      const inline = f.type.kind === 'record' ? ctx.records.get(f.type.name) : undefined;
      if (inline?.parent === r.name) walk(inline);
    }
  };
  walk(record);
  return [...versions].sort();
}

/** The paths of the members of `record` (or of its inline records) Xen gives another type, not another name, below an interface version, with that version. */
function retypedMembers(ctx: Ctx, record: RecordDecl): [string, string][] {
  const out: [string, string][] = [];
  const walk = (r: RecordDecl, prefix: string): void => {
    for (const f of r.fields) {
      if (f.legacyType && !f.legacyName) out.push([`${prefix}${f.name}`, f.legacyType.belowInterfaceVersion]);
      const inline = f.type.kind === 'record' ? ctx.records.get(f.type.name) : undefined;
      if (inline?.parent === r.name) walk(inline, f.name ? `${prefix}${f.name}.` : prefix);
    }
  };
  walk(record, '');
  return out;
}

/** A member path as guests below interface `version` spell it: each member Xen renamed at that version under its older name. */
function legacySpeller(ctx: Ctx, record: RecordDecl, version: string): (path: string) => string {
  return (path) => {
    let current: RecordDecl | undefined = record;
    return path
      .split('.')
      .map((segment) => {
        const field: Field | undefined = current?.fields.find((f) => f.name === segment);
        const inline = field?.type.kind === 'record' ? ctx.records.get(field.type.name) : undefined;
        current = inline?.parent === current?.name ? inline : undefined;
        return field?.legacyName?.belowInterfaceVersion === version ? field.legacyName.name : segment;
      })
      .join('.');
  };
}

/**
 * How the checks name a record: its tag or typedef, or, for a tag Xen declares inside another
 * record (`xenScope`), the type of that record's first member of it (`u.socket` when the
 * member sits in an inline union), which names the same type in C and C++ whichever header
 * declared it (C++ scopes such a tag to the enclosing record).
 */
function checkedType(ctx: Ctx, record: RecordDecl): string {
  if (!record.xenScope) return recordTypeName(record);
  const scope = ctx.records.get(record.xenScope);
  const path = scope && memberPathOf(ctx, scope, record.name);
  if (!scope || !path) throw new Error(`record ${record.name}: its xenScope ${record.xenScope} has no member of its type`);
  return `XENABI_TYPEOF(${memberExpression(recordTypeName(scope), path)})`;
}

/**
 * The path of `within`'s first named member of record type `name`, looking into its inline
 * records and through arrays (`channels[0]` for `struct hvm_hw_pit_channel channels[3]`).
 */
function memberPathOf(ctx: Ctx, within: RecordDecl, name: string): string | undefined {
  for (const f of within.fields) {
    let type = f.type;
    let step = f.name;
    while (type.kind === 'array') {
      type = type.element;
      step += '[0]';
    }
    if (type.kind !== 'record' || f.name === '') continue;
    if (type.name === name) return step;
    const inline = ctx.records.get(type.name);
    const inner = inline?.parent ? memberPathOf(ctx, inline, name) : undefined;
    if (inner) return `${step}.${inner}`;
  }
  return undefined;
}

const ARCH_SCALARS_CHECKED: ArchScalarName[] = ['xen_ulong_t', 'xen_pfn_t', 'uint64_aligned_t', 'int64_aligned_t', 'long', 'unsigned long', 'size_t'];

/** The per-architecture integers that are typedefs of the `xen` module (the others are C's or ours). */
const XEN_TYPEDEF_SCALARS: readonly ArchScalarName[] = ['xen_ulong_t', 'xen_pfn_t'];

// ---- Umbrella header ----------------------------------------------------------------------

export interface UmbrellaView {
  doc: string[];
  guard: string;
  stable: string[];
  unstable: { comment: string[]; wantMacro: string; include: string }[];
  /** Linux's interface, included when compiling for Linux. */
  linux: string[];
}

/** `xenabi/xenabi.h`: every stable header; each unstable one only when the includer opted in to it. */
export function umbrellaView(model: ReleaseModel): UmbrellaView {
  const sorted = [...model.modules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    doc: docCommentLines(
      "Every xenabi header. The unstable ones are included only when the includer opted in, by defining their XENABI_WANT_ macro to the interface version it was written against; Linux's device interface only when compiling for Linux.",
    ),
    guard: UMBRELLA_GUARD,
    stable: [VERSION_INCLUDE, ...sorted.filter((m) => m.namespace === 'stable').map((m) => includeName(m.namespace, m.name))],
    unstable: sorted
      .filter((m) => m.namespace === 'unstable')
      .map((m) => {
        const want = wantMacro(m.interfaceVersion?.constant ?? '');
        return { comment: plainCommentLines(`Unstable: define ${want} to opt in.`), wantMacro: want, include: includeName(m.namespace, m.name) };
      }),
    linux: sorted.filter((m) => m.namespace === 'linux').map((m) => includeName(m.namespace, m.name)),
  };
}
