/**
 * Header facts turned into draft modules: one per header and tier (a guest's items in
 * `stable/`, `__XEN_TOOLS__`-only items in `unstable/`), items in the header's order,
 * records with their members merged across architectures, constants grouped into sets.
 * Items of headers not asked for come along when an asked-for item needs them (the module
 * is then `partial`), so the draft loads on its own.
 */
import { moduleNames } from '../check/side/from-headers.js';
import type { ArchFacts, ConstantFact, FactLoc, FieldFact, RecordFact, TreeFacts, TypedefFact } from '../headers/facts.js';
import type { HeaderFile } from '../headers/roots.js';
import { ARCHES } from '../model/arch.js';
import type { Arch, ConstantCType, ConstantSpelling, DeclaredHole, Namespace, XenOrigin } from '../model/types.js';
import { C_TYPES } from '../verify/c-types.js';
import { groupConstants } from './sets.js';
import { draftType, isArchScalar, type DraftType, type TypeScope } from './types.js';

export interface DraftField {
  name: string;
  /** The member's type, or the inline record it is. */
  type: DraftType | DraftRecord;
  /** How Xen spells the type, when the draft's spelling says less (`char`, an enum). */
  cSpelling?: string;
  bitWidth?: number;
  flexible?: boolean;
  padding?: boolean;
  archs?: Arch[];
}

export interface DraftRecord {
  name: string;
  kind: 'struct' | 'union';
  tag?: string;
  typedef?: string;
  xenScope?: string;
  xenOrigin?: XenOrigin[];
  archs?: Arch[];
  fields: DraftField[];
  holes?: DeclaredHole[];
}

export interface DraftConstant {
  name: string;
  xenOrigin?: XenOrigin[];
  /** An integer, or a string macro's text (`cType` is then `string`). */
  value: bigint | string;
  values?: Partial<Record<Arch, bigint | string>>;
  cType: ConstantCType;
  spelling: ConstantSpelling;
  archs?: Arch[];
}

export interface DraftSet {
  name: string;
  kind: 'flags' | 'values' | 'ops';
  members: { constant: DraftConstant; bit?: number; bitConstant?: DraftConstant; record?: string }[];
}

export type DraftItem = { kind: 'record'; record: DraftRecord } | { kind: 'alias'; name: string; type: DraftType; archs?: Arch[]; xenOrigin?: XenOrigin[] } | { kind: 'constant'; constant: DraftConstant } | { kind: 'set'; set: DraftSet };

export interface DraftModule {
  name: string;
  namespace: Namespace;
  xenHeader: string;
  xenGuard: string;
  coverage: 'full' | 'partial';
  /** Unstable modules: the header's interface-version constant, when it has one. */
  interfaceVersion?: string;
  items: DraftItem[];
}

/** One item across the architectures it exists on. */
interface Across<T> {
  perArch: [Arch, T][];
  first: T;
  file: string;
  line: number;
  plain: boolean;
}

function across<T extends { name: string; loc: FactLoc; plain: boolean }>(facts: TreeFacts, pick: (a: ArchFacts) => T[]): Map<string, Across<T>> {
  const out = new Map<string, Across<T>>();
  for (const a of facts.arches) {
    for (const item of pick(a)) {
      const entry = out.get(item.name);
      if (entry) {
        entry.perArch.push([a.arch, item]);
        entry.plain ||= item.plain;
      } else out.set(item.name, { perArch: [[a.arch, item]], first: item, file: item.loc.file, line: item.loc.line, plain: item.plain });
    }
  }
  for (const e of out.values()) e.first = (e.perArch.find(([a]) => a === 'x86_64') ?? e.perArch[0])?.[1] as T;
  return out;
}

const archsOf = (perArch: [Arch, unknown][], all: number): { archs?: Arch[] } => (perArch.length === all ? {} : { archs: ARCHES.filter((a) => perArch.some(([x]) => x === a)) });

/** Draft modules of `headers` (all headers with items when empty). */
export function draftModules(facts: TreeFacts, files: readonly HeaderFile[], headers: readonly string[], release: string): DraftModule[] {
  const records = across(facts, (a) => a.records);
  const typedefs = across(facts, (a) => a.typedefs.filter((t) => !isArchScalar(t.name)));
  const constants = across(facts, (a) => a.constants);
  const n = facts.arches.length;
  const scope: TypeScope = {
    records: new Set(records.keys()),
    recordTypedefs: new Map([...records.values()].flatMap((r) => (r.first.typedef ? [[r.first.typedef, r.first.name] as const] : []))),
    aliases: new Set(typedefs.keys()),
  };
  const wanted = new Set<string>(headers.length ? headers : [...new Set([...records.values(), ...typedefs.values(), ...constants.values()].map((i) => i.file))]);
  // Every item of a wanted header, then whatever those need from other headers.
  const chosen = new Set<string>();
  const queue: string[] = [];
  const choose = (name: string) => {
    if (chosen.has(name)) return;
    chosen.add(name);
    queue.push(name);
  };
  for (const [name, r] of records) if (wanted.has(r.file) && !r.first.parent) choose(name);
  for (const [name, t] of typedefs) if (wanted.has(t.file)) choose(name);
  for (const [name, c] of constants) if (wanted.has(c.file)) choose(name);
  while (queue.length) {
    const name = queue.pop() as string;
    for (const dep of dependencies(name, records, typedefs, scope)) choose(dep);
  }
  const moduleOfFile = moduleNames(facts, undefined);
  const groups = new Map<string, { file: string; namespace: Namespace; records: Across<RecordFact>[]; typedefs: Across<TypedefFact>[]; constants: Across<ConstantFact>[] }>();
  const group = (file: string, namespace: Namespace) => {
    const key = `${namespace} ${file}`;
    if (!groups.has(key)) groups.set(key, { file, namespace, records: [], typedefs: [], constants: [] });
    return groups.get(key) as NonNullable<ReturnType<typeof groups.get>>;
  };
  const toolsHeaders = toolsInterfaces([...records.values(), ...typedefs.values(), ...constants.values()]);
  // The interface version of a tools interface versions that interface, wherever Xen defines it.
  const tier = (i: Across<{ name: string }>): Namespace => (i.plain && !(toolsHeaders.has(i.file) && isInterfaceVersion(i.first.name)) ? 'stable' : 'unstable');
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const versioned = (file: string) => [...constants.values()].some((c) => c.file === file && isInterfaceVersion(c.first.name));
  // Tools-only items another header lends an unstable module (xen.h's xen_domain_handle_t
  // to domctl) live in that module, with where Xen declares them, as the registry does.
  const home = [...wanted].find((f) => versioned(f));
  const origins = new Map<string, XenOrigin[]>();
  const place = (item: Across<{ name: string }>, name: string) => {
    if (item.plain || !home || wanted.has(item.file) || versioned(item.file)) return group(item.file, tier(item));
    const archs = archsOf(item.perArch, n).archs;
    origins.set(name, [{ header: item.file, guard: includeGuard(texts.get(item.file) ?? '') ?? guardOf(item.file), ...(archs ? { archs } : {}), tools: true }]);
    return group(home, 'unstable');
  };
  for (const name of chosen) {
    const r = records.get(name);
    const t = typedefs.get(name);
    const c = constants.get(name);
    if (r) place(r, name).records.push(r);
    else if (t) place(t, name).typedefs.push(t);
    else if (c) place(c, name).constants.push(c);
  }
  const out: DraftModule[] = [];
  for (const g of [...groups.values()].sort((a, b) => (a.file + a.namespace < b.file + b.namespace ? -1 : 1))) {
    const base = moduleOfFile.get(g.file) ?? g.file.replace(/\W/g, '_');
    const mixed = groups.has(`${g.namespace === 'stable' ? 'unstable' : 'stable'} ${g.file}`);
    const name = g.namespace === 'unstable' && mixed ? `${base}_tools` : base;
    const text = texts.get(g.file) ?? '';
    const items = moduleItems(g, records, n, scope, text, origins);
    const version = g.constants.find((c) => isInterfaceVersion(c.first.name));
    out.push({
      name,
      namespace: g.namespace,
      xenHeader: g.file,
      xenGuard: includeGuard(text) ?? guardOf(g.file),
      coverage: wanted.has(g.file) ? 'full' : 'partial',
      ...(g.namespace === 'unstable' && version ? { interfaceVersion: version.first.name } : {}),
      items,
    });
  }
  void release;
  return out;
}

/** The records and typedefs an item needs declared: member types by value, and typedef targets. */
function dependencies(name: string, records: Map<string, Across<RecordFact>>, typedefs: Map<string, Across<TypedefFact>>, scope: TypeScope): string[] {
  const out: string[] = [];
  const visitType = (spelled: string) => {
    const t = draftType(spelled, scope);
    let inner: DraftType = t;
    while (inner.kind === 'array') inner = inner.element;
    if (inner.kind === 'record') out.push(rootOf(inner.name, records));
    if (inner.kind === 'alias') out.push(inner.name);
  };
  const r = records.get(name);
  if (r) {
    const walk = (rec: RecordFact) => {
      for (const f of rec.fields) {
        const inline = f.record ? records.get(f.record) : undefined;
        if (inline?.first.parent === rec.name && !inline.first.tag) walk(inline.first);
        else visitType(f.type);
      }
    };
    for (const [, rec] of r.perArch) walk(rec);
  }
  const t = typedefs.get(name);
  if (t) visitType(t.first.type);
  return out.filter((d) => d !== name);
}

/** The top-level record a record is declared in (itself when it is top-level or tagged). */
function rootOf(name: string, records: Map<string, Across<RecordFact>>): string {
  let current = records.get(name)?.first;
  while (current?.parent && !current.tag) current = records.get(current.parent)?.first;
  return current?.name ?? name;
}

/**
 * Headers whose items are all tools-only but their interface version: vm_event.h defines
 * VM_EVENT_INTERFACE_VERSION outside its tools guard, yet the constant versions the tools-only
 * records and has no guest of its own, so the header drafts as one unstable module.
 */
function toolsInterfaces(items: readonly Across<{ name: string }>[]): Set<string> {
  const byFile = new Map<string, { guest: boolean; tools: boolean }>();
  for (const item of items) {
    const seen = byFile.get(item.file) ?? { guest: false, tools: false };
    if (!item.plain) seen.tools = true;
    else if (!isInterfaceVersion(item.first.name)) seen.guest = true;
    byFile.set(item.file, seen);
  }
  return new Set([...byFile].filter(([, s]) => s.tools && !s.guest).map(([file]) => file));
}

/** A header's own interface-version constant (`XEN_DOMCTL_INTERFACE_VERSION`), not Xen's guest one. */
function isInterfaceVersion(name: string): boolean {
  return /INTERFACE_VERSION$/.test(name) && !name.startsWith('__');
}

/** The guard Xen would give a header without one. */
function guardOf(file: string): string {
  return `__XEN_PUBLIC_${file.replace(/\W/g, '_').toUpperCase()}__`;
}

/** Xen's include guard: the first `#ifndef X` followed by `#define X`. */
function includeGuard(text: string): string | undefined {
  return /^\s*#\s*ifndef\s+(\w+)\s*\n\s*#\s*define\s+\1\b/m.exec(text)?.[1];
}

function moduleItems(
  g: { records: Across<RecordFact>[]; typedefs: Across<TypedefFact>[]; constants: Across<ConstantFact>[] },
  records: Map<string, Across<RecordFact>>,
  n: number,
  scope: TypeScope,
  text: string,
  origins: ReadonlyMap<string, XenOrigin[]>,
): DraftItem[] {
  const origin = (name: string) => (origins.has(name) ? { xenOrigin: origins.get(name) as XenOrigin[] } : {});
  // Lent items (declared in another header) first, then the header's own in its order.
  const at = (item: { line: number; first: { name: string } }) => (origins.has(item.first.name) ? item.line - 1e6 : item.line);
  const typed: { line: number; item: DraftItem }[] = [
    // A tagged record declared inside another goes just before it, as the other holds it.
    ...g.records.map((r) => ({ line: r.first.parent ? at(records.get(rootOf(r.first.parent, records)) ?? r) - 0.5 : at(r), item: { kind: 'record' as const, record: { ...draftRecord(r, records, n, scope), ...origin(r.first.name) } } })),
    ...g.typedefs.map((t) => ({ line: at(t), item: { kind: 'alias' as const, name: t.first.name, type: draftType(t.first.type, scope), ...archsOf(t.perArch, n), ...origin(t.first.name) } })),
  ].sort((a, b) => a.line - b.line);
  const ordered = [...g.constants].sort((a, b) => a.line - b.line || (a.first.name < b.first.name ? -1 : 1));
  const byName = new Map(ordered.map((c) => [c.first.name, { line: at(c), constant: { ...draftConstant(c, n, text), ...origin(c.first.name) } }]));
  // The interface version stays a constant of its own: the module names it.
  // Only integers form sets; a string macro stays a constant of its own.
  const integers = [...byName.values()].flatMap((c) =>
    typeof c.constant.value === 'bigint' && !isInterfaceVersion(c.constant.name) ? [{ name: c.constant.name, value: c.constant.value, shift: c.constant.spelling === 'shift' }] : [],
  );
  const grouped = groupConstants(integers);
  const strings = [...byName.values()].filter((c) => typeof c.constant.value === 'string').map((c) => c.constant.name);
  const single = [...grouped.single, ...strings, ...[...byName.keys()].filter(isInterfaceVersion)];
  // A set may not share its name with a constant (XEN_DOMCTL_SHADOW_OP_ENABLE is both a value and a prefix).
  const sets = grouped.sets.map((set) => (byName.has(set.name) || records.has(set.name) ? { ...set, name: `${set.name}_${set.kind}` } : set));
  const payload = (opName: string, setName: string) => {
    const suffix = opName.slice(setName.length + 1);
    const matches = g.records.filter((r) => r.first.name.endsWith(`_${suffix}`) && !r.first.name.includes('.'));
    return matches.length === 1 ? matches[0]?.first.name : undefined;
  };
  const constantItems = single.map((name) => byName.get(name)).filter((c): c is NonNullable<typeof c> => !!c).map((c) => ({ line: c.line, item: { kind: 'constant' as const, constant: c.constant } }));
  const setItems = sets.map((s) => ({
    line: Math.min(...s.members.map((m) => byName.get(m.name)?.line ?? 0)),
    item: {
      kind: 'set' as const,
      set: {
        name: s.name,
        kind: s.kind,
        members: s.members.map((m) => {
          const record = s.kind === 'ops' ? payload(m.name, s.name) : undefined;
          const bitConstant = m.bitConstant ? byName.get(m.bitConstant)?.constant : undefined;
          return { constant: byName.get(m.name)?.constant as DraftConstant, ...(m.bit !== undefined ? { bit: m.bit } : {}), ...(bitConstant ? { bitConstant } : {}), ...(record ? { record } : {}) };
        }),
      },
    },
  }));
  // Records and typedefs first (in the header's order, as C needs them), then constants and sets.
  return [...typed, ...[...constantItems, ...setItems].sort((a, b) => a.line - b.line)].map((x) => x.item);
}

/** A record with its members merged across architectures; inline records nest. */
function draftRecord(r: Across<RecordFact>, records: Map<string, Across<RecordFact>>, n: number, scope: TypeScope): DraftRecord {
  const order: string[] = [];
  const perField = new Map<string, { field: FieldFact; archs: Arch[] }>();
  for (const [arch, rec] of r.perArch) {
    for (const f of rec.fields) {
      const key = f.name || f.record || '';
      if (!perField.has(key)) {
        perField.set(key, { field: f, archs: [] });
        order.push(key);
      }
      perField.get(key)?.archs.push(arch);
    }
  }
  const fields = order.map((key): DraftField => {
    const { field: f, archs } = perField.get(key) as { field: FieldFact; archs: Arch[] };
    const inline = f.record ? records.get(f.record) : undefined;
    const nested = inline && inline.first.parent === r.first.name && !inline.first.tag ? draftRecord(inline, records, n, scope) : undefined;
    const type = nested ?? draftType(f.type, scope);
    const spelled = f.type.replace(/\[\d*\]/g, '');
    const plainSpelling = nested || /^(?:u?int(?:8|16|32|64)_t|xen_\w+_t|u?int64_aligned_t|XEN_GUEST_HANDLE|(?:struct|union) )/.test(spelled) || scope.aliases.has(spelled) || scope.recordTypedefs.has(spelled);
    return {
      name: f.name,
      type,
      ...(plainSpelling ? {} : { cSpelling: f.type }),
      ...(f.bitWidth !== undefined ? { bitWidth: f.bitWidth } : {}),
      ...(f.flexibleArray ? { flexible: true } : {}),
      ...(/^_?pad\d*$/.test(f.name) ? { padding: true } : {}),
      ...(archs.length === r.perArch.length ? {} : { archs: ARCHES.filter((a) => archs.includes(a)) }),
    };
  });
  return {
    name: r.first.tag ?? r.first.name,
    kind: r.first.kind,
    ...(r.first.tag ? { tag: r.first.tag } : {}),
    ...(r.first.typedef ? { typedef: r.first.typedef } : {}),
    ...(r.first.tag && r.first.parent ? { xenScope: rootOf(r.first.parent, records) } : {}),
    ...archsOf(r.perArch, n),
    fields,
  };
}

function draftConstant(c: Across<ConstantFact>, n: number, text: string): DraftConstant {
  if (c.first.cType === 'string') return draftStringConstant(c, n);
  const values = new Map(c.perArch.map(([a, f]) => [a, BigInt(f.value)]));
  const common = new Set(values.values()).size === 1;
  const cType = (C_TYPES as readonly string[]).includes(c.first.cType) ? (c.first.cType as ConstantCType) : 'int';
  const body = new RegExp(`^\\s*#\\s*define\\s+${c.first.name}\\s+(.*)$`, 'm').exec(text)?.[1] ?? '';
  return {
    name: c.first.name,
    value: BigInt(c.first.value),
    ...(common ? {} : { values: Object.fromEntries(values) }),
    cType,
    spelling: spellingOf(body, [...values.values()]),
    ...archsOf(c.perArch, n),
  };
}

/** A string macro (`#define XEN_HWP_DRIVER_NAME "hwp"`): its text, per architecture where it differs. */
function draftStringConstant(c: Across<ConstantFact>, n: number): DraftConstant {
  const values = new Map(c.perArch.map(([a, f]) => [a, f.value]));
  const common = new Set(values.values()).size === 1;
  return { name: c.first.name, value: c.first.value, ...(common ? {} : { values: Object.fromEntries(values) }), cType: 'string', spelling: 'dec', ...archsOf(c.perArch, n) };
}

/**
 * How the registry spells a constant Xen writes as `body`: a shift only when it is one bit
 * (or a signed type's sign bit, `1 << 31`), as a shift is written `1 << n`; a field of several
 * bits in place (`(0x3U<<28)`) in hex, like any other hex or shifted value; else in decimal.
 */
export function spellingOf(body: string, values: readonly bigint[]): ConstantSpelling {
  const oneBit = (v: bigint) => (v < 0n ? -v : v) > 0n && ((v < 0n ? -v : v) & ((v < 0n ? -v : v) - 1n)) === 0n;
  if (/<</.test(body) && values.every(oneBit)) return 'shift';
  return /<<|\b0x/i.test(body) && values.every((v) => v >= 0n) ? 'hex' : 'dec';
}
