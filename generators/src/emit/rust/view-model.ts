/**
 * Rust view-model: one ABI module (as one release has it) and the layout engine's tables
 * turned into the plain strings the templates print, plus the crate-level files (`lib.rs`,
 * `types.rs`, the namespace modules, `Cargo.toml`, the README and `tests/layout.rs`).
 * Items keep `ModuleDecl.order`; a record's inline records follow it. No layout arithmetic
 * happens here: offsets, sizes and alignments are read from the engine.
 */
import { ringRecords } from './rings.js';
import { ARCHES } from '../../model/arch.js';
import { NAMESPACES } from '../../model/namespaces.js';
import { NEWEST_RELEASE } from '../../model/releases.js';
import { crateName, HOMEPAGE_URL, REPOSITORY_URL } from '../../release/project.js';
import { UNRELEASED } from '../../release/versions.js';
import type { AliasDecl, Arch, ConstantDecl, ConstantSetDecl, ModuleDecl, Namespace, RecordDecl, TypeRef } from '../../model/types.js';
import { own } from '../../names/dict.js';
import { gatesModule, growableSizes, minReleaseLines, removedItems, sinceExample, sinceModule, sinceNote, type GatesModuleView, type SinceModuleView } from './availability.js';
import { constAssert, memImports, testAssert, typeChecks, type Check, type TestLine, type VersionedCheck, type VersionedLines } from './checks.js';
import { constantType, setField } from './constants.js';
import { cfgIn, handlesInUse, itemArchs, itemPresence, moduleArchs, modulePresence, recordArchs, Uses, type RustContext } from './context.js';
import {
  allOf,
  archList,
  archPredicate,
  code,
  docLines,
  docParagraphs,
  featureName,
  featurePredicate,
  ident,
  releaseLiteral,
  integerLiteral,
  stringLiteral,
  modulePath,
  NATIVE_HANDLE_REPR,
  recordName,
  TARGET_ARCH,
  unsignedOfSize,
} from './names.js';
import { gateLines, recordView, typedefAliasChecks, type RecordView } from './records.js';
import { presence, PresenceSet, releasePredicate, type Presence } from './releases.js';
import { groupArchs } from './storage.js';
import { argOpsView, type ArgOpsView } from './ops.js';
import { taggedExample } from './selected.js';
import { setTypeView, type SetTypeView } from './sets.js';
import { macroViews, type MacroView } from './macros.js';

export interface AliasView {
  docs: string[];
  cfg: string;
  line: string;
}

export interface ConstantView {
  docs: string[];
  cfg: string;
  line: string;
}

export interface ItemView {
  record?: RecordView;
  alias?: AliasView;
  constants?: ConstantView[];
  /** `//` comment lines that open a set. */
  setHeader?: string[];
  /** The typed layer of an op set whose op number travels apart from its argument record. */
  argOps?: ArgOpsView;
  /** The type of a value set (an open enum) or a flag set (a bit set). */
  setType?: SetTypeView;
  /** A function-like macro, as a `const fn`. */
  macro?: MacroView;
}

export interface AssertBlock {
  cfg: string;
  /** `use ::core::mem::{…};` for what the lines call. */
  imports: string;
  lines: string[];
}

export interface ModuleView {
  docs: string[];
  uses: { cfg: string; line: string }[];
  items: ItemView[];
  since?: SinceModuleView;
  gates?: GatesModuleView;
  assertBlocks: AssertBlock[];
}

/** Checks per architecture of everything in one module, kept for `tests/layout.rs`; each with the releases it holds in. */
export interface ModuleChecks {
  namespace: Namespace;
  module: string;
  archs: Arch[];
  /** The releases the module's items may exist in: all for a stable module, the newest for an unstable one. */
  releases: string[];
  records: { name: string; releases: string[]; checks: Map<Arch, VersionedCheck[]>; bitTests: Map<Arch, VersionedLines[]> }[];
  aliases: Map<Arch, VersionedCheck[]>;
}

export function moduleView(ctx: RustContext, module: ModuleDecl): { view: ModuleView; checks: ModuleChecks } {
  const archs = moduleArchs(ctx, module.name);
  const scope = modulePresence(ctx, module);
  const releases = [...([...scope.values()][0] ?? [])];
  const uses = new Uses(ctx, modulePath(module.namespace, module.name), scope);
  const items: ItemView[] = [];
  const records: ModuleChecks['records'] = [];
  const aliasChecks = new Map<Arch, VersionedCheck[]>(archs.map((a) => [a, []]));
  const openedSets = new Set<string>();
  const openedAliases = new Set<string>();
  for (const name of module.order) {
    const record = ctx.records.get(name);
    if (record && record.module === module.name && !record.parent) {
      for (const r of [record, ...inlineRecords(ctx, record)]) {
        const view = recordView(ctx, module, r, uses, scope);
        items.push({ record: view });
        records.push({ name: recordName(r), releases: view.releases, checks: view.checks, bitTests: view.bitTests });
      }
      continue;
    }
    const alias = ctx.aliases.get(name);
    if (alias && alias.module === module.name) {
      // A typedef spelled per architecture is named once per spelling in the order: each spelling is an item under its own cfg.
      if (openedAliases.has(name)) continue;
      openedAliases.add(name);
      for (const spelling of ctx.aliasSpellings.get(name) ?? []) {
        items.push({ alias: aliasView(ctx, spelling, uses, scope) });
        const aliasReleases = ctx.releases.itemReleases(spelling);
        for (const a of itemArchs(ctx, spelling)) aliasChecks.get(a)?.push(...typedefAliasChecks(ctx, spelling.name, a).map((check) => ({ check, releases: aliasReleases })));
      }
      continue;
    }
    const constant = ctx.constants.get(name);
    if (constant && constant.module === module.name) {
      const set = constant.set ? ctx.sets.get(constant.set) : undefined;
      if (set && !openedSets.has(set.name)) {
        openedSets.add(set.name);
        items.push({ setHeader: setHeader(set) });
      }
      items.push({ constants: constantViews(ctx, constant, uses, scope) });
    }
  }
  for (const set of ctx.model.sets.filter((s) => s.module === module.name && s.namespace === module.namespace)) {
    const argOps = argOpsView(ctx, set, uses, scope);
    if (argOps) items.push({ argOps });
    const setType = setTypeView(ctx, set, uses, scope);
    if (setType) items.push({ setType });
  }
  for (const macro of macroViews(ctx, module, scope)) items.push({ macro });
  const since = sinceModule(ctx, module);
  const gates = gatesModule(ctx, module);
  const view: ModuleView = {
    docs: moduleDocs(ctx, module),
    uses: uses.lines(),
    items,
    ...(since ? { since } : {}),
    ...(gates ? { gates } : {}),
    assertBlocks: assertBlocks(ctx, archs, releases, records, aliasChecks),
  };
  return { view, checks: { namespace: module.namespace, module: module.name, archs, releases, records, aliases: aliasChecks } };
}

/** Records declared inline in `record`, depth first. */
function inlineRecords(ctx: RustContext, record: RecordDecl): RecordDecl[] {
  return (ctx.children.get(record.name) ?? []).flatMap((c) => [c, ...inlineRecords(ctx, c)]);
}

function moduleDocs(ctx: RustContext, module: ModuleDecl): string[] {
  const archs = moduleArchs(ctx, module.name);
  const facts = [
    module.namespace === 'linux'
      ? `Linux header: ${code(`<${module.xenHeader}>`)}; Xen releases do not change it, so no cargo feature selects its items, and \`since\` holds the Linux release of each.`
      : `Xen header: ${code(`xen/include/public/${module.xenHeader}`)}${module.coverage === 'partial' ? ' (partly: only what the other modules need)' : ''}.`,
    archs.length < 4 ? `Only on ${archList(archs)}.` : '',
    module.interfaceVersion ? interfaceVersionNote(ctx, module.interfaceVersion.constant) : '',
  ].filter(Boolean);
  const features =
    module.namespace === 'stable'
      ? 'Each item is declared from the cargo feature of the Xen release that brought it (`xen-4-N`, all on by default) and records are laid out as the oldest release the features select has them; `since` holds each first release.'
      : '';
  return docParagraphs(module.doc, facts, [features].filter(Boolean), gateLines(module));
}

function interfaceVersionNote(ctx: RustContext, constant: string): string {
  const value = ctx.constants.get(constant)?.value;
  const version = value === undefined ? code(constant) : `${code(constant)} = ${integerLiteral(BigInt(value), 'hex')}`;
  return `Unstable: the layouts of interface version ${version}, as Xen ${ctx.model.release} has it (the module needs the cargo feature ${code(featureName(ctx.model.release))}); Xen refuses calls made with another version, so rebuild against the crate that matches your hypervisor.`;
}

function aliasView(ctx: RustContext, alias: AliasDecl, uses: Uses, scope: Presence): AliasView {
  const archs = itemArchs(ctx, alias);
  const where = itemPresence(ctx, alias);
  const uint64Aligned = alias.type.kind === 'archScalar' && alias.type.name === 'uint64_aligned_t';
  return {
    docs: docParagraphs(
      alias.doc,
      [`C: ${code(`typedef … ${alias.name}`)}. ${sinceNote(ctx, alias)}${archs.length < scope.size ? ` Only on ${archList(archs)}.` : ''}`],
      uint64Aligned ? ['On x86 this alias is 4-aligned, unlike C; records holding it are aligned explicitly.'] : [],
      gateLines(alias),
    ),
    cfg: cfgIn(ctx, where, scope),
    line: `pub type ${ident(alias.name)} = ${uses.type(alias.type, where)};`,
  };
}

function setHeader(set: ConstantSetDecl): string[] {
  const kind = set.kind === 'ops' ? 'Op set' : set.kind === 'flags' ? 'Flag set' : 'Value set';
  const field = setField(set);
  return [`---- ${kind} ${set.name}${field ? ` (values of ${field})` : ''} ----`, ...docLines(set.doc)];
}

function constantViews(ctx: RustContext, constant: ConstantDecl, uses: Uses, scope: Presence): ConstantView[] {
  const archs = itemArchs(ctx, constant);
  const releases = ctx.releases.itemReleases(constant);
  const docs = docParagraphs(constant.doc, [constantFacts(ctx, constant, archs, [...scope.keys()])], gateLines(constant));
  const name = ident(constant.name);
  const spell = constantSpelling(ctx, constant, uses, presence(archs, releases));
  return groupArchs(archs, (a) => constant.values?.[a] ?? constant.value).map(([group, value]) => ({
    docs,
    cfg: cfgIn(ctx, presence(group, releases), scope),
    line: `pub const ${name}: ${spell.type} = ${spell.literal(value)};`,
  }));
}

/**
 * A constant's Rust type and literal: a string constant is a `&str` (xenstore paths and
 * protocol names are text of text protocols; `.as_bytes()` gives the bytes), an integer one
 * the type `constantType` picks.
 */
function constantSpelling(ctx: RustContext, constant: ConstantDecl, uses: Uses, where: Presence): { type: string; literal: (value: string) => string } {
  if (constant.cType === 'string') return { type: '&str', literal: stringLiteral };
  const type = constantType(constant, ctx);
  if (type.reference) uses.type(type.reference, where);
  return { type: type.spelled, literal: (value) => integerLiteral(BigInt(value), constant.spelling) };
}

function constantFacts(ctx: RustContext, constant: ConstantDecl, archs: readonly Arch[], scope: readonly Arch[]): string {
  const set = constant.set ? ctx.sets.get(constant.set) : undefined;
  const op = set?.ops?.find((o) => o.constant === constant.name);
  const payload = op?.member && set?.dispatch?.payloadField ? `${set.dispatch.record}.${set.dispatch.payloadField}.${op.member}` : undefined;
  return [
    sinceNote(ctx, constant),
    archs.length < scope.length ? `Only on ${archList(archs)}.` : '',
    constant.values ? `Per architecture: ${ARCHES.filter((a) => constant.values?.[a] !== undefined).map((a) => `${TARGET_ARCH[a]} ${shownValue(constant, constant.values![a]!)}`).join(', ')}.` : '',
    op && (payload || op.record) ? `Payload: ${[payload ? code(payload) : '', op.record ? code(op.record) : ''].filter(Boolean).join(', ')}.` : '',
    constant.bitConstant ? `The mask of bit ${code(constant.bitConstant)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A value as a doc shows it: a string constant's text as a quoted literal, an integer as is. */
function shownValue(constant: ConstantDecl, value: string): string {
  return constant.cType === 'string' ? code(stringLiteral(value)) : value;
}

function assertBlocks(ctx: RustContext, archs: readonly Arch[], releases: readonly string[], records: ModuleChecks['records'], aliases: Map<Arch, VersionedCheck[]>): AssertBlock[] {
  return archs.flatMap((arch) => versionedBlocks(ctx, arch, releases, [...(aliases.get(arch) ?? []), ...records.flatMap((r) => r.checks.get(arch) ?? [])]));
}

/**
 * One architecture's checks as `const` blocks: one per set of releases the checks hold in, in
 * order of first appearance, under `target_arch` and the feature predicate of that set.
 */
function versionedBlocks(ctx: RustContext, arch: Arch, domain: readonly string[], checks: readonly VersionedCheck[]): AssertBlock[] {
  const bySet = new Map<string, { releases: readonly string[]; checks: Check[] }>();
  const keys = new Map<readonly string[], string>();
  for (const c of checks) {
    let key = keys.get(c.releases);
    if (key === undefined) keys.set(c.releases, (key = c.releases.join(' ')));
    let block = bySet.get(key);
    if (!block) bySet.set(key, (block = { releases: c.releases, checks: [] }));
    block.checks.push(c.check);
  }
  const order = (releases: readonly string[]) => (releases.length === domain.length ? -1 : domain.indexOf(releases[0]!));
  const blocks = [...bySet.values()].sort((a, b) => order(a.releases) - order(b.releases) || b.releases.length - a.releases.length);
  return blocks.map(({ releases, checks: cs }) => ({
    cfg: `#[cfg(${allOf([`target_arch = "${TARGET_ARCH[arch]}"`, ctx.releases.releasePredicate(releases, domain)])})]`,
    imports: memImports(cs),
    lines: cs.map(constAssert),
  }));
}

// ---- crate::types -------------------------------------------------------------------------

export interface ArchTypeView {
  docs: string[];
  decls: { cfg: string; line: string }[];
}

export interface HandleView {
  docs: string[];
  cfg: string;
  name: string;
  wide: boolean;
  /** `*const T` or `*mut T`. */
  pointer: string;
  pointee: string;
}

export interface TypesView {
  /** Whether some record holds a plain user-space pointer (`UserPtr`). */
  userPtr: boolean;
  archTypes: ArchTypeView[];
  nativeRepr: { cfg: string; line: string }[];
  handles: HandleView[];
  uses: { cfg: string; line: string }[];
  assertBlocks: AssertBlock[];
}

const ARCH_TYPE_DOCS: Record<'xen_ulong_t' | 'xen_pfn_t', string> = {
  xen_ulong_t: "Xen's `unsigned long` in the ABI: 32 bits on x86 (32-bit), 64 bits on x86_64, and 64 bits on both Arm architectures, so 32- and 64-bit Arm guests share one ABI.",
  xen_pfn_t: 'A guest frame number: 32 bits on x86 (32-bit), 64 bits elsewhere (on Arm also for 32-bit guests).',
};

const POINTEES: Record<string, string> = {
  void: '::core::ffi::c_void',
  char: '::core::ffi::c_char',
  int: '::core::ffi::c_int',
  'unsigned int': '::core::ffi::c_uint',
  long: '::core::ffi::c_long',
  'unsigned long': '::core::ffi::c_ulong',
  uint8_t: 'u8',
  uint16_t: 'u16',
  uint32_t: 'u32',
  uint64_t: 'u64',
  int8_t: 'i8',
  int16_t: 'i16',
  int32_t: 'i32',
  int64_t: 'i64',
  xen_ulong_t: 'xen_ulong_t',
  xen_pfn_t: 'xen_pfn_t',
  uint64_aligned_t: 'uint64_aligned_t',
  int64_aligned_t: 'int64_aligned_t',
};

export function typesView(ctx: RustContext): { view: TypesView; checks: Map<Arch, VersionedCheck[]> } {
  const known = ctx.releases.known;
  const scope = presence(ARCHES, known);
  const uses = new Uses(ctx, 'crate::types', scope);
  const checks = new Map<Arch, VersionedCheck[]>(ARCHES.map((a) => [a, []]));
  const always = (cs: Check[]) => cs.map((check) => ({ check, releases: known }));
  const archTypes = (['xen_ulong_t', 'xen_pfn_t'] as const).map((name) => {
    for (const a of ARCHES) {
      const { size, align } = ctx.layouts.get(a)!.dataModel.archScalars[name];
      checks.get(a)!.push(...always(typeChecks(name, size, align, a)));
    }
    return {
      docs: docLines(ARCH_TYPE_DOCS[name]),
      decls: groupArchs(ARCHES, (a) => unsignedOfSize(ctx.layouts.get(a)!.dataModel.archScalars[name].size)).map(([archs, t]) => ({
        cfg: `#[cfg(${archPredicate(archs)})]`,
        line: `pub type ${name} = ${t};`,
      })),
    };
  });
  for (const a of ARCHES) checks.get(a)!.push(...always(typeChecks('uint64_aligned_t', ctx.layouts.get(a)!.dataModel.archScalars.uint64_aligned_t.size, undefined, a)));
  for (const a of ARCHES) checks.get(a)!.push(...always(typeChecks('int64_aligned_t', ctx.layouts.get(a)!.dataModel.archScalars.int64_aligned_t.size, undefined, a)));
  const inUse = handlesInUse(ctx);
  const native = new PresenceSet();
  for (const { handle, used } of inUse.values()) if (handle.width !== '64') for (const [a, releases] of used) native.add([a], releases);
  const handles = [...inUse].map(([name, { handle, used }]) => {
    for (const [a, releases] of used) {
      const { size, align } = ctx.layouts.get(a)!.sizeAlign(handle);
      checks.get(a)!.push(...typeChecks(name, size, align, a).map((check) => ({ check, releases: [...releases] })));
    }
    const pointee = handlePointee(ctx, handle.pointee, uses, used);
    const macro = `${handle.width === '64' ? 'XEN_GUEST_HANDLE_64' : 'XEN_GUEST_HANDLE'}(${handle.const ? 'const_' : ''}${handle.target})`;
    const shape = handle.width === '64' ? 'Eight bytes, 8-aligned, on every architecture.' : 'Pointer-sized on x86; eight bytes, 8-aligned, on Arm (also for 32-bit guests).';
    return {
      docs: [`C: ${code(macro)}, a guest address of ${code(handle.pointee)}. ${shape}`, '', 'Held as an integer, so the all-zero value (`NULL`) is valid and the type is plain bytes; convert with the methods.'],
      cfg: cfgIn(ctx, used, scope),
      name,
      wide: handle.width === '64',
      pointer: `${handle.const ? '*const' : '*mut'} ${pointee}`,
      pointee,
    };
  });
  const view: TypesView = {
    userPtr: usesPointers(ctx),
    archTypes,
    nativeRepr: nativeHandleRepr(ctx, native.presence(known), scope),
    handles,
    uses: uses.lines(),
    assertBlocks: ARCHES.flatMap((a) => versionedBlocks(ctx, a, known, checks.get(a)!)),
  };
  return { view, checks };
}

/** True when some record member or typedef is a plain pointer (Linux's interface). */
function usesPointers(ctx: RustContext): boolean {
  const has = (t: TypeRef): boolean => t.kind === 'pointer' || (t.kind === 'array' && has(t.element));
  return ctx.model.records.some((r) => r.fields.some((f) => has(f.type))) || ctx.model.aliases.some((a) => has(a.type));
}

/** `type NativeHandle` per group of architectures that hold it alike, where some native handle uses it. */
function nativeHandleRepr(ctx: RustContext, used: Presence, scope: Presence): { cfg: string; line: string }[] {
  return groupArchs(ARCHES, (a) => NATIVE_HANDLE_REPR[a]).flatMap(([archs, t]) => {
    const where = new Map(archs.filter((a) => used.has(a)).map((a) => [a, used.get(a)!]));
    return where.size ? [{ cfg: `#[cfg(${ctx.releases.predicate(where, scope)})]`, line: `type NativeHandle = ${t};` }] : [];
  });
}

/** The Rust type a handle points to: a C type, or a record or typedef of the ABI (imported). */
function handlePointee(ctx: RustContext, pointee: string, uses: Uses, archs: Presence): string {
  const known = own(POINTEES, pointee);
  if (known) return known;
  const alias = ctx.aliases.get(pointee);
  if (alias) return uses.type({ kind: 'alias', name: alias.name }, archs);
  const record = ctx.model.records.find((r) => r.name === pointee || r.typedef === pointee);
  if (record) {
    if (record.typedef === pointee && record.typedef !== record.name) {
      uses.add(modulePath(record.namespace, record.module), ident(pointee), archs);
      return ident(pointee);
    }
    return uses.type({ kind: 'record', name: record.name }, archs);
  }
  throw new Error(`rust emitter: a guest handle points to ${pointee}, which is neither a C type the emitter knows nor declared in the ABI`);
}

// ---- crate level ----------------------------------------------------------------------------

/** The `cfg` of a namespace's `mod` in the crate root: the unstable modules follow the newest release only. */
export function namespaceCfg(ctx: RustContext, namespace: Namespace): string {
  return namespace === 'unstable' ? `#[cfg(${featurePredicate(ctx.model.release)})]` : '';
}

export interface NamespaceView {
  namespace: Namespace;
  docs: string[];
  modules: { cfg: string; name: string }[];
}

const NAMESPACE_DOCS: Record<Namespace, string> = {
  linux:
    "Linux's Xen device interface: the ioctl arguments and numbers of `/dev/xen/privcmd`, `/dev/xen/evtchn`, `/dev/xen/gntdev`, `/dev/xen/gntalloc` and `/dev/xen/xenbus_backend`. Linux never breaks it; each item says which Linux release added it. Pointers in it are `UserPtr`s: addresses in the calling process, pointer-sized on every architecture. The `xenabi-linux` crate makes the calls.",
  stable:
    'The stable ABI: interfaces Xen promises never to break. A binary built against these works with every later Xen release. The `xen-4-N` cargo features choose the oldest release it supports: the crate declares what that release has.',
  unstable:
    'Unstable interfaces: each module names the interface-version constant it matches, and Xen refuses calls made with another version. Rebuild against the crate that matches your hypervisor. They follow the newest release only, so they need its cargo feature (on by default): a program that makes such calls runs on that release alone.',
};

/** The namespaces, each module under the `cfg` of its architectures and, for a stable module whose items all came after 4.6, its first release's feature. */
export function namespaceViews(ctx: RustContext): NamespaceView[] {
  return NAMESPACES.map((namespace) => {
      const scope = presence(ARCHES, namespace === 'unstable' ? [ctx.model.release] : ctx.releases.known);
      return {
        namespace,
        docs: docLines(NAMESPACE_DOCS[namespace]),
        modules: ctx.model.modules
          .filter((m) => m.namespace === namespace)
          .sort((a, b) => (a.name < b.name ? -1 : 1))
          .map((m) => ({ cfg: cfgIn(ctx, modulePresence(ctx, m), scope), name: ident(m.name) })),
      };
    }).filter((n) => n.modules.length > 0);
}

export interface CrateView {
  release: string;
  /** `xenabi`, or `xenabi-xen-4-17` for a build of an older release (`generate --xen-version`). */
  packageName: string;
  /** The crate's own version (packages/rust-bindings/package.json), the same for every release's build. @example "0.1.0" */
  version: string;
  repository: string;
  homepage: string;
  namespaces: { cfg: string; name: string }[];
  /** Whether some record has bit-fields, and the `cfg` of `mod bitfield` ("" where all configurations have them). */
  hasBitfields: boolean;
  bitfieldsCfg: string;
  /** Whether the registry declares rings, so the crate has `mod ring`. */
  hasRings: boolean;
  supportedArchs: string;
  modules: { path: string; header: string; doc: string; archs: string }[];
  /** A doctest in the README: building the first buffer of a call. */
  example: string[];
  /** A doctest in the README: comparing the release Xen reports with an item's first release. */
  sinceExample: string[];
  /** A doctest in the README: an op whose record holds a selected union (`selected.ts`). */
  taggedExample: string[];
  /** One cargo feature per release, oldest first: `xen-4-7 = ["xen-4-6"]`. */
  features: string[];
  /** The newest release's feature, the default. @example "xen-4-22" */
  newestFeature: string;
  oldest: string;
  oldestFeature: string;
  /** `XenRelease::new(4, 6)`. */
  oldestLiteral: string;
  newestLiteral: string;
  /** `XEN_MIN_RELEASE`'s initialiser: its first line, then the others. */
  minReleaseHead: string;
  minRelease: string[];
  /** `XenRelease::ALL`'s elements. */
  releases: string[];
  /** Stable items Xen removed, which the crate never declares: `` `GNTMAP_can_fail` (`grant_table`, Xen 4.6 to 4.15) ``. */
  removed: string[];
  /** Stable records that grow by design, with their sizes: `` `hvm_start_info` is 40 bytes for Xen 4.8 to 4.10, 56 bytes for Xen 4.11 on (on x86_64); … ``. */
  growable: string[];
  /** A module with gates, for the README: `xenabi::stable::argo`; "" when none has. */
  gatedModule: string;
}

/**
 * `bitfields`: where some record has bit-field accessors, if anywhere. `version` is the
 * crate's: the Xen release goes in the name (registries ignore build metadata).
 */
export function crateView(ctx: RustContext, bitfields: Presence | undefined, version: string = UNRELEASED): CrateView {
  const known = ctx.releases.known;
  const gated = ctx.model.modules.find((m) => m.gates?.length || [...ctx.model.records, ...ctx.model.aliases, ...ctx.model.constants].some((i) => i.module === m.name && i.gates?.length));
  return {
    release: ctx.model.release,
    packageName: crateName(ctx.model.release, NEWEST_RELEASE),
    version,
    repository: REPOSITORY_URL,
    homepage: HOMEPAGE_URL,
    namespaces: namespaceViews(ctx).map((n) => ({
      cfg: namespaceCfg(ctx, n.namespace),
      name: n.namespace,
    })),
    hasBitfields: !!bitfields,
    hasRings: ringRecords(ctx).length > 0,
    bitfieldsCfg: bitfields ? cfgIn(ctx, bitfields, presence(ARCHES, known)) : '',
    sinceExample: sinceExample(ctx),
    taggedExample: taggedExample(ctx),
    features: known.map((r, i) => `${featureName(r)} = [${i > 0 ? `"${featureName(known[i - 1]!)}"` : ''}]`),
    newestFeature: featureName(ctx.model.release),
    oldest: known[0]!,
    oldestFeature: featureName(known[0]!),
    oldestLiteral: releaseLiteral(known[0]!),
    newestLiteral: releaseLiteral(ctx.model.release),
    minReleaseHead: minReleaseLines(known)[0]!,
    minRelease: minReleaseLines(known).slice(1),
    releases: known.map((r) => releaseLiteral(r)),
    removed: removedItems(ctx),
    growable: ctx.model.records.filter((r) => r.namespace === 'stable' && r.growable).map((r) => growableSizes(ctx, r)),
    gatedModule: gated ? `xenabi::${gated.namespace}::${ident(gated.name)}` : '',
    supportedArchs: archPredicate(ARCHES),
    modules: [...ctx.model.modules]
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
      .map((m) => ({
        path: `xenabi::${m.namespace}::${ident(m.name)}`,
        header: m.xenHeader,
        doc: (docLines(m.doc)[0] ?? '').replace(/\|/g, '\\|'),
        archs: moduleArchs(ctx, m.name).length < 4 ? archList(moduleArchs(ctx, m.name)) : 'all',
      })),
    example: example(ctx),
  };
}

/**
 * The README's example: fill in the first op of the first op set that dispatches through a
 * record on every architecture; without one, make a zeroed record. When what it uses needs a
 * feature, the example is a block under that feature's `cfg`.
 */
function example(ctx: RustContext): string[] {
  const everywhere = (r: RecordDecl | undefined): r is RecordDecl => !!r && recordArchs(ctx, r).length === ARCHES.length;
  for (const set of ctx.model.sets) {
    const outer = set.dispatch ? ctx.records.get(set.dispatch.record) : undefined;
    const op = set.ops?.find((o) => o.member && o.record && everywhere(ctx.records.get(o.record)));
    const constant = op ? ctx.constants.get(op.constant) : undefined;
    if (!everywhere(outer) || !set.dispatch?.payloadField || !op?.record || !constant || itemArchs(ctx, constant).length < ARCHES.length) continue;
    const payload = ctx.records.get(op.record)!;
    const imports = importLines([
      [outer, recordName(outer)],
      [payload, recordName(payload)],
      [constant, ident(constant.name)],
    ]);
    return underFeature(ctx, [outer, payload, constant], [
      ...imports,
      '',
      `// The first buffer of the call: which operation, and its payload.`,
      `let mut call = ${recordName(outer)} { ${ident(set.dispatch.opField)}: ${ident(constant.name)}, ..${recordName(outer)}::default() };`,
      `call.${ident(set.dispatch.payloadField)}.${ident(op.member!)} = ${recordName(payload)}::default();`,
    ]);
  }
  const first = ctx.model.records.find((r) => !r.parent && everywhere(r));
  return first ? underFeature(ctx, [first], [...importLines([[first, recordName(first)]]), '', `let value = ${recordName(first)}::default();`]) : ['let release = xenabi::XEN_RELEASE;'];
}

/** `lines` as they are when every item is declared by default features; else in a block under the `cfg` that declares them all. */
function underFeature(ctx: RustContext, items: readonly { namespace: Namespace; since: string; until?: string }[], lines: string[]): string[] {
  const known = ctx.releases.known;
  const releases = known.filter((r) => items.every((i) => ctx.releases.itemReleases(i).includes(r)));
  const predicate = releasePredicate(releases, known, known);
  if (!predicate) return lines;
  return [`// Declared from the feature of Xen ${releases[0]} on (the default enables every release's).`, `#[cfg(${predicate})]`, '{', ...lines.map((l) => (l ? `    ${l}` : l)), '}'];
}

function importLines(items: [{ namespace: Namespace; module: string }, string][]): string[] {
  const byPath = new Map<string, string[]>();
  for (const [owner, name] of items) {
    const path = `xenabi::${owner.namespace}::${ident(owner.module)}`;
    byPath.set(path, [...new Set([...(byPath.get(path) ?? []), name])]);
  }
  return [...byPath].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, names]) => (names.length === 1 ? `use ${path}::${names[0]};` : `use ${path}::{${names.join(', ')}};`));
}

// ---- tests/layout.rs ------------------------------------------------------------------------

export interface LayoutTestsView {
  arches: {
    cfg: string;
    arch: string;
    uses: TestLine[];
    types: TestLine[];
    modules: { cfg: string; name: string; tests: { cfg: string; name: string; lines: TestLine[] }[] }[];
  }[];
}

/**
 * Per architecture: one test of the crate-level types, and per module one test per record (and
 * one for its typedefs). A test, or a line of it, that holds in some releases only is under
 * their feature predicate; an unstable module's tests need the newest release's feature.
 */
export function layoutTestsView(ctx: RustContext, modules: ModuleChecks[], types: Map<Arch, VersionedCheck[]>): LayoutTestsView {
  const known = ctx.releases.known;
  const cfg = (releases: readonly string[], domain: readonly string[]) => {
    const predicate = ctx.releases.releasePredicate(releases, domain);
    return predicate ? `#[cfg(${predicate})]` : '';
  };
  const lines = (checks: readonly VersionedCheck[], domain: readonly string[]) => checks.map((c) => ({ cfg: cfg(c.releases, domain), line: testAssert(c.check) }));
  const blocks = (tests: readonly VersionedLines[], domain: readonly string[]) => tests.flatMap((t) => t.lines.map((line) => ({ cfg: cfg(t.releases, domain), line })));
  return {
    arches: ARCHES.map((arch) => {
      const present = modules.filter((m) => m.archs.includes(arch));
      return {
        cfg: `#[cfg(target_arch = "${TARGET_ARCH[arch]}")]`,
        arch: TARGET_ARCH[arch],
        uses: present.map((m) => ({ cfg: cfg(m.releases, known), line: `use xenabi::${m.namespace}::${ident(m.module)}::*;` })),
        types: lines(types.get(arch) ?? [], known),
        modules: present
          .map((m) => ({
            cfg: cfg(m.releases, known),
            name: `${m.namespace}_${m.module}`,
            tests: [
              ...((m.aliases.get(arch) ?? []).length ? [{ cfg: '', name: 'typedefs', lines: lines(m.aliases.get(arch)!, m.releases) }] : []),
              ...m.records
                .filter((r) => r.checks.has(arch))
                .map((r) => ({
                  cfg: cfg(r.releases, m.releases),
                  // A test is a function: snake case, though an inline record's path keeps Xen's case (start_info_console_domU).
                  name: r.name.toLowerCase(),
                  lines: [...lines(r.checks.get(arch)!, r.releases), ...blocks(r.bitTests.get(arch) ?? [], r.releases)],
                })),
            ],
          }))
          .filter((m) => m.tests.length > 0),
      };
    }),
  };
}
