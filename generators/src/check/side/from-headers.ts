/**
 * A side from a tree of Xen's C headers (`xenabi check --base-headers/--head-headers`,
 * `--xen-tree`): the compiler's facts on every architecture, merged into the checker's form.
 * What C cannot say comes from the registry when it knows the item — its namespace, module,
 * op/flag/value sets, padding and growable markers — and otherwise from Xen's headers
 * themselves: an item a guest sees (no `__XEN_TOOLS__`) is stable, one only tools builds see
 * is unstable, and its module is its header.
 */
import { exportField } from '../../export/abi-json.js';
import type { ArchFacts, ConstantFact, FieldFact, TreeFacts } from '../../headers/facts.js';
import type { AbiModel, Arch, Namespace, SourceLocation } from '../../model/types.js';
import { emptySide, fieldPath, type AbiSide, type Capability, type SideConstant, type SideField, type SideModule, type SideOrigin, type SideRecord, type SideSet } from './types.js';

export interface HeaderSideOptions {
  /** The Xen release the tree is. */
  release: string;
  label: string;
  origin?: SideOrigin;
  /** The registry, for what it knows of the items it declares; every release of it. */
  registry?: AbiModel;
  /** Prepended to header paths in locations (`xen/include/public/` inside a Xen checkout). */
  pathPrefix?: string;
}

type Known = Map<string, { namespace: Namespace; module: string }>;

export function sideFromHeaders(tree: TreeFacts, options: HeaderSideOptions): AbiSide {
  const registry = options.registry;
  const facts = registry ? flattenDeclaredAnonymous(tree, registry) : tree;
  const known: Known = new Map();
  const since = new Map<string, string>();
  for (const item of [...(registry?.records ?? []), ...(registry?.aliases ?? []), ...(registry?.constants ?? []), ...(registry?.sets ?? [])]) {
    if (!known.has(item.name)) known.set(item.name, { namespace: item.namespace, module: item.module });
    if (!since.has(item.name)) since.set(item.name, item.since);
  }
  const modules = moduleNames(facts, registry);
  const at = (loc: { file: string; line: number; col: number }): SourceLocation => ({ file: `${options.pathPrefix ?? ''}${loc.file}`, line: loc.line, column: loc.col });
  const place = (name: string, file: string, plain: boolean) => known.get(name) ?? { namespace: plain ? ('stable' as const) : ('unstable' as const), module: modules.get(file) ?? 'xen' };
  // A header tree has no release history: an item the registry knows keeps its first release,
  // any other has none, so the lifetime rules see no change between two trees.
  const sinceOf = (name: string) => since.get(name) ?? '';
  const has: Capability[] = registry ? ['aliases', 'constantArchs', 'growable', 'locations', 'modules', 'padding', 'sets', 'strings'] : ['aliases', 'constantArchs', 'locations', 'modules', 'strings'];
  const side = emptySide(options.origin ?? 'headers', options.label, options.release, has, ['stable', 'unstable']);
  const padding = paddingFields(registry);
  const growable = new Map((registry?.records ?? []).filter((r) => r.growable).map((r) => [r.name, r.growable?.versionField ?? '']));
  const rings = new Map((registry?.records ?? []).flatMap((r) => (r.ring ? [[r.name, r.ring.entries] as const] : [])));

  const records = byName(facts, (a) => a.records);
  for (const [name, perArch] of records) {
    const first = firstOf(perArch);
    // A record declared inside another is where that one is: the same tier and module.
    const root = records.get(rootRecord(name)) ?? perArch;
    const where = place(rootRecord(name), firstOf(root).loc.file, root.some(([, r]) => r.plain));
    const record: SideRecord = { name, kind: first.kind, ...where, since: since.get(name) ?? since.get(rootRecord(name)) ?? '', loc: at(first.loc), ...(first.typedef ? { typedef: first.typedef } : {}), layouts: {}, fieldLocs: {} };
    for (const [arch, r] of perArch) record.layouts[arch] = ringHead({ size: r.size, align: r.align, fields: r.fields.map((f) => sideField(f, padding.get(name))) }, rings.get(name));
    for (const f of first.fields) (record.fieldLocs as Record<string, SourceLocation>)[f.name || f.record || ''] = at(f.loc);
    for (const [arch, r] of perArch) if (r.loc.file !== first.loc.file) placeRecordOnArch(side, arch, name, r, at);
    const grows = growable.get(name);
    if (grows) record.growable = { versionField: grows };
    side.records[name] = record;
  }
  for (const [name, perArch] of byName(facts, (a) => a.typedefs)) {
    const first = firstOf(perArch);
    side.aliases[name] = { name, ...place(name, first.loc.file, perArch.some(([, t]) => t.plain)), since: sinceOf(name), loc: at(first.loc), type: first.type, ...archsOf(facts, perArch) };
    placeItemOnArches(side, name, perArch, first, at);
  }
  for (const [name, perArch] of byName(facts, (a) => a.constants)) {
    const first = firstOf(perArch);
    side.constants[name] = { name, ...place(name, first.loc.file, perArch.some(([, c]) => c.plain)), since: sinceOf(name), loc: at(first.loc), ...constantValues(perArch), ...archsOf(facts, perArch) };
    placeItemOnArches(side, name, perArch, first, at);
  }
  for (const s of registry?.sets ?? []) {
    const set = setOf(s, side.constants, s.since);
    if (set) side.sets[s.name] = set;
  }
  const items = itemsByModule(side);
  for (const [file, name] of new Set([...modules].map(([f, n]) => [f, n] as const).filter(([, n]) => !side.modules[n]))) {
    side.modules[name] = moduleOf(name, file, items.get(name) ?? [], registry, options.pathPrefix ?? '');
  }
  return side;
}

/**
 * Where Xen wraps a member in an anonymous union of several names for it (x86's
 * `union { uint64_t rax; uint32_t eax; … }`, Arm's `union { uint64_t x0; uint32_t r0_usr; }`),
 * the registry declares the one name every build has as a member of the record itself. Such
 * an anonymous member becomes that named member, at its place, as the registry sees it, and
 * the anonymous record is dropped on that architecture. Otherwise anonymous members are named
 * by their position among the record's anonymous members, and a release that wraps a plain
 * member in a union (x86_64's r8–r15 in 4.9) would shift every later one: a rename, a new
 * offset and a removal for each, where registry mode, rightly, sees no change at all.
 * Records the registry declares with anonymous members of their own are left as they are.
 */
export function flattenDeclaredAnonymous(facts: TreeFacts, registry: AbiModel): TreeFacts {
  const named = new Map<string, { name: string; archs?: Arch[] }[]>();
  const hasAnonymous = new Set<string>();
  for (const r of registry.records) {
    if (r.fields.some((f) => f.name === '')) hasAnonymous.add(r.name);
    named.set(r.name, [...(named.get(r.name) ?? []), ...r.fields.filter((f) => f.name !== '').map((f) => ({ name: f.name, ...(f.archs ? { archs: f.archs } : {}) }))]);
  }
  return {
    ...facts,
    arches: facts.arches.map((a) => {
      const byName = new Map(a.records.map((r) => [r.name, r]));
      const dropped = new Set<string>();
      const records = a.records.map((r) => {
        const declared = named.get(r.name);
        if (!declared || hasAnonymous.has(r.name) || !r.fields.some((f) => f.name === '' && f.record)) return r;
        const onArch = new Set(declared.filter((f) => !f.archs || f.archs.includes(a.arch)).map((f) => f.name));
        const fields = r.fields.map((f) => {
          const inner = f.name === '' && f.record ? byName.get(f.record) : undefined;
          const member = inner?.kind === 'union' ? inner.fields.find((m) => m.name !== '' && onArch.has(m.name)) : undefined;
          if (!inner || !member) return f;
          dropped.add(inner.name);
          return { ...member, offset: f.offset + member.offset };
        });
        return { ...r, fields };
      });
      const gone = (name: string) => [...dropped].some((d) => name === d || name.startsWith(`${d}.`));
      return { ...a, records: dropped.size ? records.filter((r) => !gone(r.name)) : records };
    }),
  };
}

/**
 * The head of a ring's shared page (`DEFINE_RING_TYPES`), as the registry declares it: without
 * the entries member, which Xen spelled `ring[1]` before 4.19 and a flexible array since (for
 * guests of interface 0x00041300 on). `sizeof` of Xen's page struct thus depends on the release
 * and the includer, while the bytes on the page never moved: rings are sized from the entries'
 * offset and the page size, never from `sizeof`. The record ends where the entries begin.
 */
function ringHead(layout: SideRecord['layouts'][Arch] & object, entries: string | undefined): SideRecord['layouts'][Arch] & object {
  const member = entries === undefined ? undefined : layout.fields.find((f) => f.name === entries);
  return member ? { ...layout, size: member.offset, fields: layout.fields.filter((f) => f !== member) } : layout;
}

/**
 * A record Xen declares in another header on `arch` than on x86_64 (`vcpu_guest_context`:
 * `arch-x86/xen.h`, `arch-arm.h`): where it and its members are there, for findings on it.
 */
function placeRecordOnArch(side: AbiSide, arch: Arch, name: string, r: ArchFacts['records'][number], at: (loc: FieldFact['loc']) => SourceLocation): void {
  const locs = (side.archLocs ??= {});
  const put = (path: string, loc: FieldFact['loc']) => ((locs[path] ??= {})[arch] = at(loc));
  put(name, r.loc);
  for (const f of r.fields) put(fieldPath(name, exportField(f)), f.loc);
}

/** The same for a typedef or constant an architecture defines in a header of its own. */
function placeItemOnArches(side: AbiSide, name: string, perArch: [Arch, { loc: FieldFact['loc'] }][], first: { loc: FieldFact['loc'] }, at: (loc: FieldFact['loc']) => SourceLocation): void {
  for (const [arch, item] of perArch) if (item.loc.file !== first.loc.file) ((side.archLocs ??= {})[name] ??= {})[arch] = at(item.loc);
}

/** Items of one name across architectures, in architecture order. */
function byName<T extends { name: string }>(facts: TreeFacts, pick: (a: ArchFacts) => T[]): Map<string, [Arch, T][]> {
  const out = new Map<string, [Arch, T][]>();
  for (const a of facts.arches) for (const item of pick(a)) out.set(item.name, [...(out.get(item.name) ?? []), [a.arch, item]]);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function firstOf<T>(perArch: [Arch, T][]): T {
  return (perArch.find(([a]) => a === 'x86_64') ?? perArch[0])?.[1] as T;
}

/** `archs` when the item is not on every architecture compiled. */
function archsOf(facts: TreeFacts, perArch: [Arch, unknown][]): { archs?: Arch[] } {
  return perArch.length === facts.arches.length ? {} : { archs: perArch.map(([a]) => a) };
}

/** The top-level record of a path (`xen_dm_op` for `xen_dm_op.u`): inline records go where their record goes. */
function rootRecord(name: string): string {
  return name.split('.')[0] ?? name;
}

/** The export's projection of a member (as for an abi/ tree), with the registry's padding marker. */
function sideField(f: FieldFact, padding: Set<string> | undefined): SideField {
  return { ...exportField(f), ...(padding?.has(f.name) ? { padding: true } : {}) };
}

function constantValues(perArch: [Arch, ConstantFact][]): Pick<SideConstant, 'value' | 'values' | 'cType' | 'cTypes' | 'string'> {
  const values = new Set(perArch.map(([, c]) => c.value));
  const types = new Set(perArch.map(([, c]) => c.cType));
  return {
    // A string macro's values are its text (header mode reads them as `char` arrays).
    ...(types.has('string') ? { string: true as const } : {}),
    ...(values.size === 1 ? { value: perArch[0]?.[1].value ?? '' } : { values: Object.fromEntries(perArch.map(([a, c]) => [a, c.value])) }),
    ...(types.size === 1 ? { cType: perArch[0]?.[1].cType ?? '' } : { cTypes: Object.fromEntries(perArch.map(([a, c]) => [a, c.cType])) }),
  };
}

/** Registry fields declared as padding, by record. */
function paddingFields(registry: AbiModel | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of registry?.records ?? []) for (const f of r.fields) if (f.padding) out.set(r.name, new Set([...(out.get(r.name) ?? []), f.name]));
  return out;
}

/**
 * A registry set as the tree has it: the members whose constants the tree defines, a flag's
 * bit read from its mask's value on x86_64 (or the first architecture that has it).
 */
function setOf(s: AbiModel['sets'][number], constants: AbiSide['constants'], since: string): SideSet | undefined {
  const has = (name: string) => constants[name] !== undefined;
  const base = { name: s.name, namespace: s.namespace, module: s.module, since, kind: s.kind, ...(s.field ? { field: s.field } : {}), ...(s.dispatch ? { dispatch: { ...s.dispatch } } : {}) };
  if (s.kind === 'ops') {
    const ops = [...new Map((s.ops ?? []).filter((o) => has(o.constant)).map((o) => [o.constant, o])).values()];
    return ops.length ? { ...base, ops: ops.map((o) => ({ constant: o.constant, ...(o.member ? { member: o.member } : {}), ...(o.record ? { record: o.record } : {}) })) } : undefined;
  }
  if (s.kind === 'values') {
    const values = [...new Set((s.values ?? []).filter(has))];
    return values.length ? { ...base, values } : undefined;
  }
  const flags = [...new Map((s.flags ?? []).filter((f) => has(f.mask)).map((f) => [f.mask, f])).values()].flatMap((f) => {
    const c = constants[f.mask] as SideConstant;
    const value = BigInt(c.value ?? c.values?.x86_64 ?? Object.values(c.values ?? {})[0] ?? '0');
    const bit = value > 0n && (value & (value - 1n)) === 0n ? value.toString(2).length - 1 : f.bit;
    return [{ mask: f.mask, bit, ...(f.bitConstant && has(f.bitConstant) ? { bitConstant: f.bitConstant } : {}) }];
  });
  return flags.length ? { ...base, flags } : undefined;
}

/**
 * The module each header is: the registry module declared for it, else its file name
 * (`hvm/hvm_op.h` → `hvm_op`), or its path where two headers share a name
 * (`arch-x86/xen.h` → `arch_x86_xen`).
 */
export function moduleNames(facts: TreeFacts, registry: AbiModel | undefined): Map<string, string> {
  const files = new Set<string>();
  for (const a of facts.arches) for (const item of [...a.records, ...a.typedefs, ...a.constants]) files.add(item.loc.file);
  const declared = new Map((registry?.modules ?? []).map((m) => [m.xenHeader, m.name]));
  const taken = new Set(declared.values());
  const base = (f: string) => (f.split('/').pop() ?? f).replace(/\.h$/, '').replace(/\W/g, '_');
  const counts = new Map<string, number>();
  for (const f of files) counts.set(base(f), (counts.get(base(f)) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const f of [...files].sort()) {
    const own = declared.get(f);
    const short = base(f);
    out.set(f, own ?? (counts.get(short) === 1 && !taken.has(short) ? short : f.replace(/\.h$/, '').replace(/\W/g, '_')));
  }
  return out;
}

interface ModuleItem {
  kind: 'record' | 'alias' | 'constant';
  name: string;
  namespace: Namespace;
}

/** The side's records, typedefs and constants by module, in that order, each kind in name order. */
function itemsByModule(side: AbiSide): Map<string, ModuleItem[]> {
  const out = new Map<string, ModuleItem[]>();
  const add = (kind: ModuleItem['kind'], i: { name: string; namespace: Namespace; module: string }) => {
    const list = out.get(i.module) ?? [];
    list.push({ kind, name: i.name, namespace: i.namespace });
    out.set(i.module, list);
  };
  for (const r of Object.values(side.records)) add('record', r);
  for (const a of Object.values(side.aliases)) add('alias', a);
  for (const c of Object.values(side.constants)) add('constant', c);
  return out;
}

/**
 * A module read from a header: the registry's when it declares one for the header (a stable
 * one without an interface-version constant is unversioned in its tools-only part); else
 * stable when a guest sees any of its items, with its interface-version constant when the
 * header defines one (`XEN_SYSCTL_INTERFACE_VERSION`), and otherwise unversioned.
 */
function moduleOf(name: string, file: string, items: readonly ModuleItem[], registry: AbiModel | undefined, prefix: string): SideModule {
  const declared = registry?.modules.find((m) => m.name === name);
  // A guest header the registry declares stable without an interface-version constant may
  // still hold a tools-only block (memory.h's XENMEM_* tools ops, hvm_op.h's ioreq server
  // ops, a tools ring expanded in io/ring.h): Xen versions it with no constant at all.
  if (declared) return { name, namespace: declared.namespace, xenHeader: declared.xenHeader, ...(declared.interfaceVersion ? { interfaceVersion: declared.interfaceVersion.constant } : declared.namespace === 'stable' ? { unversioned: true } : {}) };
  const version = items.find((c) => c.kind === 'constant' && /INTERFACE_VERSION$/.test(c.name) && !c.name.startsWith('__'));
  const namespace: Namespace = items.some((i) => i.namespace === 'stable') ? 'stable' : 'unstable';
  return { name, namespace, xenHeader: file, ...(version ? { interfaceVersion: version.name } : { unversioned: true }), loc: { file: `${prefix}${file}`, line: 1, column: 1 } };
}
