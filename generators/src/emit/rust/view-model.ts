/**
 * Rust view-model: one ABI module (as one release has it) and the layout engine's tables
 * turned into the plain strings the templates print, plus the crate-level files (`lib.rs`,
 * `types.rs`, the namespace modules, `Cargo.toml`, the README and `tests/layout.rs`).
 * Items keep `ModuleDecl.order`; a record's inline records follow it. No layout arithmetic
 * happens here: offsets, sizes and alignments are read from the engine.
 */
import { ARCHES } from '../../model/arch.js';
import type { AliasDecl, Arch, ConstantDecl, ConstantSetDecl, ModuleDecl, Namespace, RecordDecl } from '../../model/types.js';
import { constAssert, memImports, testAssert, typeChecks, type Check } from './checks.js';
import { constantType, setField } from './constants.js';
import { handlesInUse, itemArchs, moduleArchs, recordArchs, Uses, type RustContext } from './context.js';
import {
  archList,
  archPredicate,
  cfgLine,
  code,
  docLines,
  docParagraphs,
  ident,
  integerLiteral,
  modulePath,
  NATIVE_HANDLE_REPR,
  recordName,
  TARGET_ARCH,
  unsignedOfSize,
} from './names.js';
import { gateLines, recordView, typedefAliasChecks, type RecordView } from './records.js';
import { groupArchs } from './storage.js';

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
  assertBlocks: AssertBlock[];
}

/** Checks per architecture of everything in one module, kept for `tests/layout.rs`. */
export interface ModuleChecks {
  namespace: Namespace;
  module: string;
  archs: Arch[];
  records: { name: string; checks: Map<Arch, Check[]>; bitTests: Map<Arch, string[]> }[];
  aliases: Map<Arch, Check[]>;
}

export function moduleView(ctx: RustContext, module: ModuleDecl): { view: ModuleView; checks: ModuleChecks } {
  const scope = moduleArchs(ctx, module.name);
  const uses = new Uses(ctx, modulePath(module.namespace, module.name), scope);
  const items: ItemView[] = [];
  const records: ModuleChecks['records'] = [];
  const aliasChecks = new Map<Arch, Check[]>(scope.map((a) => [a, []]));
  const openedSets = new Set<string>();
  for (const name of module.order) {
    const record = ctx.records.get(name);
    if (record && record.module === module.name && !record.parent) {
      for (const r of [record, ...inlineRecords(ctx, record)]) {
        const view = recordView(ctx, r, uses, scope);
        items.push({ record: view });
        records.push({ name: recordName(r), checks: view.checks, bitTests: view.bitTests });
      }
      continue;
    }
    const alias = ctx.aliases.get(name);
    if (alias && alias.module === module.name) {
      items.push({ alias: aliasView(ctx, alias, uses, scope) });
      for (const a of itemArchs(ctx, alias)) aliasChecks.get(a)?.push(...typedefAliasChecks(ctx, alias.name, a));
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
  const view: ModuleView = { docs: moduleDocs(ctx, module), uses: uses.lines(), items, assertBlocks: assertBlocks(scope, records, aliasChecks) };
  return { view, checks: { namespace: module.namespace, module: module.name, archs: scope, records, aliases: aliasChecks } };
}

/** Records declared inline in `record`, depth first. */
function inlineRecords(ctx: RustContext, record: RecordDecl): RecordDecl[] {
  return (ctx.children.get(record.name) ?? []).flatMap((c) => [c, ...inlineRecords(ctx, c)]);
}

function moduleDocs(ctx: RustContext, module: ModuleDecl): string[] {
  const archs = moduleArchs(ctx, module.name);
  const facts = [
    `Xen header: ${code(`xen/include/public/${module.xenHeader}`)}${module.coverage === 'partial' ? ' (partly: only what the other modules need)' : ''}.`,
    archs.length < 4 ? `Only on ${archList(archs)}.` : '',
    module.interfaceVersion ? interfaceVersionNote(ctx, module.interfaceVersion.constant) : '',
  ].filter(Boolean);
  return docParagraphs(module.doc, facts, gateLines(module));
}

function interfaceVersionNote(ctx: RustContext, constant: string): string {
  const value = ctx.constants.get(constant)?.value;
  const version = value === undefined ? code(constant) : `${code(constant)} = ${integerLiteral(BigInt(value), 'hex')}`;
  return `Unstable: the layouts of interface version ${version}, as Xen ${ctx.model.release} has it; Xen refuses calls made with another version, so rebuild against the crate that matches your hypervisor.`;
}

function aliasView(ctx: RustContext, alias: AliasDecl, uses: Uses, scope: readonly Arch[]): AliasView {
  const archs = itemArchs(ctx, alias);
  const uint64Aligned = alias.type.kind === 'archScalar' && alias.type.name === 'uint64_aligned_t';
  return {
    docs: docParagraphs(alias.doc, [`C: ${code(`typedef … ${alias.name}`)}. Since Xen ${alias.since}.${archs.length < scope.length ? ` Only on ${archList(archs)}.` : ''}`], uint64Aligned ? ['On x86 this alias is 4-aligned, unlike C; records holding it are aligned explicitly.'] : []),
    cfg: cfgLine(archs, scope),
    line: `pub type ${ident(alias.name)} = ${uses.type(alias.type, archs)};`,
  };
}

function setHeader(set: ConstantSetDecl): string[] {
  const kind = set.kind === 'ops' ? 'Op set' : set.kind === 'flags' ? 'Flag set' : 'Value set';
  const field = setField(set);
  return [`---- ${kind} ${set.name}${field ? ` (values of ${field})` : ''} ----`, ...docLines(set.doc)];
}

function constantViews(ctx: RustContext, constant: ConstantDecl, uses: Uses, scope: readonly Arch[]): ConstantView[] {
  const archs = itemArchs(ctx, constant);
  const type = constantType(constant, ctx);
  if (type.reference) uses.type(type.reference, archs);
  const docs = docParagraphs(constant.doc, [constantFacts(ctx, constant, archs, scope)]);
  const name = ident(constant.name);
  return groupArchs(archs, (a) => constant.values?.[a] ?? constant.value).map(([group, value]) => ({
    docs,
    cfg: cfgLine(group, scope),
    line: `pub const ${name}: ${type.spelled} = ${integerLiteral(BigInt(value), constant.spelling)};`,
  }));
}

function constantFacts(ctx: RustContext, constant: ConstantDecl, archs: readonly Arch[], scope: readonly Arch[]): string {
  const set = constant.set ? ctx.sets.get(constant.set) : undefined;
  const op = set?.ops?.find((o) => o.constant === constant.name);
  const payload = op?.member && set?.dispatch?.payloadField ? `${set.dispatch.record}.${set.dispatch.payloadField}.${op.member}` : undefined;
  return [
    `Since Xen ${constant.since}.`,
    archs.length < scope.length ? `Only on ${archList(archs)}.` : '',
    constant.values ? `Per architecture: ${ARCHES.filter((a) => constant.values?.[a] !== undefined).map((a) => `${TARGET_ARCH[a]} ${constant.values![a]}`).join(', ')}.` : '',
    op && (payload || op.record) ? `Payload: ${[payload ? code(payload) : '', op.record ? code(op.record) : ''].filter(Boolean).join(', ')}.` : '',
    constant.bitConstant ? `The mask of bit ${code(constant.bitConstant)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function assertBlocks(scope: readonly Arch[], records: ModuleChecks['records'], aliases: Map<Arch, Check[]>): AssertBlock[] {
  return scope
    .map((arch) => ({ arch, checks: [...(aliases.get(arch) ?? []), ...records.flatMap((r) => r.checks.get(arch) ?? [])] }))
    .filter(({ checks }) => checks.length > 0)
    .map(({ arch, checks }) => ({ cfg: `#[cfg(target_arch = "${TARGET_ARCH[arch]}")]`, imports: memImports(checks), lines: checks.map(constAssert) }));
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
};

export function typesView(ctx: RustContext): { view: TypesView; checks: Map<Arch, Check[]> } {
  const uses = new Uses(ctx, 'crate::types', ARCHES);
  const checks = new Map<Arch, Check[]>(ARCHES.map((a) => [a, []]));
  const archTypes = (['xen_ulong_t', 'xen_pfn_t'] as const).map((name) => {
    for (const a of ARCHES) {
      const { size, align } = ctx.layouts.get(a)!.dataModel.archScalars[name];
      checks.get(a)!.push(...typeChecks(name, size, align, a));
    }
    return {
      docs: docLines(ARCH_TYPE_DOCS[name]),
      decls: groupArchs(ARCHES, (a) => unsignedOfSize(ctx.layouts.get(a)!.dataModel.archScalars[name].size)).map(([archs, t]) => ({
        cfg: `#[cfg(${archPredicate(archs)})]`,
        line: `pub type ${name} = ${t};`,
      })),
    };
  });
  for (const a of ARCHES) checks.get(a)!.push(...typeChecks('uint64_aligned_t', ctx.layouts.get(a)!.dataModel.archScalars.uint64_aligned_t.size, undefined, a));
  const handles = [...handlesInUse(ctx)].map(([name, { handle, archs }]) => {
    const used = ARCHES.filter((a) => archs.has(a));
    for (const a of used) {
      const { size, align } = ctx.layouts.get(a)!.sizeAlign(handle);
      checks.get(a)!.push(...typeChecks(name, size, align, a));
    }
    const pointee = handlePointee(ctx, handle.pointee, uses, used);
    const macro = `${handle.width === '64' ? 'XEN_GUEST_HANDLE_64' : 'XEN_GUEST_HANDLE'}(${handle.const ? 'const_' : ''}${handle.target})`;
    const shape = handle.width === '64' ? 'Eight bytes, 8-aligned, on every architecture.' : 'Pointer-sized on x86; eight bytes, 8-aligned, on Arm (also for 32-bit guests).';
    return {
      docs: [`C: ${code(macro)}, a guest address of ${code(handle.pointee)}. ${shape}`, '', 'Held as an integer, so the all-zero value (`NULL`) is valid and the type is plain bytes; convert with the methods.'],
      cfg: cfgLine(used),
      name,
      wide: handle.width === '64',
      pointer: `${handle.const ? '*const' : '*mut'} ${pointee}`,
      pointee,
    };
  });
  const view: TypesView = {
    archTypes,
    nativeRepr: groupArchs(ARCHES, (a) => NATIVE_HANDLE_REPR[a]).map(([archs, t]) => ({ cfg: `#[cfg(${archPredicate(archs)})]`, line: `type NativeHandle = ${t};` })),
    handles,
    uses: uses.lines(),
    assertBlocks: ARCHES.map((a) => ({ cfg: `#[cfg(target_arch = "${TARGET_ARCH[a]}")]`, imports: memImports(checks.get(a)!), lines: checks.get(a)!.map(constAssert) })),
  };
  return { view, checks };
}

/** The Rust type a handle points to: a C type, or a record or typedef of the ABI (imported). */
function handlePointee(ctx: RustContext, pointee: string, uses: Uses, archs: readonly Arch[]): string {
  const known = POINTEES[pointee];
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

export interface NamespaceView {
  namespace: Namespace;
  docs: string[];
  modules: { cfg: string; name: string }[];
}

const NAMESPACE_DOCS: Record<Namespace, string> = {
  stable: 'The stable ABI: interfaces Xen promises never to break. A binary built against these works with every later Xen release.',
  unstable:
    'Unstable interfaces: each module names the interface-version constant it matches, and Xen refuses calls made with another version. Rebuild against the crate that matches your hypervisor.',
};

export function namespaceViews(ctx: RustContext): NamespaceView[] {
  return (['stable', 'unstable'] as const)
    .map((namespace) => ({
      namespace,
      docs: docLines(NAMESPACE_DOCS[namespace]),
      modules: ctx.model.modules
        .filter((m) => m.namespace === namespace)
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((m) => ({ cfg: cfgLine(moduleArchs(ctx, m.name)), name: ident(m.name) })),
    }))
    .filter((n) => n.modules.length > 0);
}

export interface CrateView {
  release: string;
  version: string;
  namespaces: string[];
  hasBitfields: boolean;
  supportedArchs: string;
  modules: { path: string; header: string; doc: string; archs: string }[];
  /** A doctest in the README: building the first buffer of a call. */
  example: string[];
}

/** The crate version: ours, with the Xen release as build metadata. */
export const CRATE_VERSION = '0.1.0';

export function crateView(ctx: RustContext, hasBitfields: boolean): CrateView {
  return {
    release: ctx.model.release,
    version: `${CRATE_VERSION}+xen.${ctx.model.release}`,
    namespaces: namespaceViews(ctx).map((n) => n.namespace),
    hasBitfields,
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
 * record on every architecture; without one, make a zeroed record.
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
    return [
      ...imports,
      '',
      `// The first buffer of the call: which operation, and its payload.`,
      `let mut call = ${recordName(outer)}::default();`,
      `call.${ident(set.dispatch.opField)} = ${ident(constant.name)};`,
      `call.${ident(set.dispatch.payloadField)}.${ident(op.member!)} = ${recordName(payload)}::default();`,
    ];
  }
  const first = ctx.model.records.find((r) => !r.parent && everywhere(r));
  return first ? [...importLines([[first, recordName(first)]]), '', `let value = ${recordName(first)}::default();`] : ['let release = xenabi::XEN_RELEASE;'];
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
    uses: string[];
    types: string[];
    modules: { name: string; tests: { name: string; lines: string[] }[] }[];
  }[];
}

/** Per architecture: one test of the crate-level types, and per module one test per record (and one for its typedefs). */
export function layoutTestsView(modules: ModuleChecks[], types: Map<Arch, Check[]>): LayoutTestsView {
  return {
    arches: ARCHES.map((arch) => {
      const present = modules.filter((m) => m.archs.includes(arch));
      return {
        cfg: `#[cfg(target_arch = "${TARGET_ARCH[arch]}")]`,
        arch: TARGET_ARCH[arch],
        uses: present.map((m) => `use xenabi::${m.namespace}::${ident(m.module)}::*;`),
        types: (types.get(arch) ?? []).map(testAssert),
        modules: present
          .map((m) => ({
            name: `${m.namespace}_${m.module}`,
            tests: [
              ...((m.aliases.get(arch) ?? []).length ? [{ name: 'typedefs', lines: m.aliases.get(arch)!.map(testAssert) }] : []),
              ...m.records
                .filter((r) => r.checks.has(arch))
                .map((r) => ({ name: r.name, lines: [...r.checks.get(arch)!.map(testAssert), ...(r.bitTests.get(arch) ?? [])] })),
            ],
          }))
          .filter((m) => m.tests.length > 0),
      };
    }),
  };
}

export { recordArchs };
