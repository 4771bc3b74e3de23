/**
 * Header-mode members in xenabi's terms: a type spelled as the registry spells it (guest
 * handles as `XEN_GUEST_HANDLE(x)`, records declared inside others by their path), the
 * record a member is, and its size. Sizes come from the compiler's record layouts for
 * records and from the data model for scalars; no offset is computed here.
 */
import { cScalarSize, DATA_MODELS } from '../layout/datamodels.js';
import type { Arch } from '../model/types.js';
import type { AstField, AstLoc, AstRecord } from './ast.js';
import type { FactLoc, FieldFact } from './facts.js';
import type { DumpedField, DumpedRecord } from './layout-dump.js';

/** Header-mode names of records: by AST id, by the location of an untagged one, by typedef. */
export interface RecordNames {
  byId: Map<string, string>;
  byWhere: Map<string, string>;
  byTypedef: Map<string, string>;
  /** Each named record's kind, to spell it `struct name` or `union name`. */
  kinds: Map<string, 'struct' | 'union'>;
}

interface Paths {
  where(kind: string, text: string): string;
  loc(l: AstLoc): FactLoc | undefined;
}

/** An untagged record in a type's spelling: its kind and place. */
export const UNNAMED = /(struct|union) (?:(?:\w+|\((?:unnamed|anonymous)[^)]*\))::)*\((?:unnamed|anonymous)(?: struct| union)? at (.+?:\d+:\d+)\)/g;

/** Every record's size by each way C spells its type: `struct tag`, its typedef, the place of an untagged one. */
export function recordSizes(records: readonly AstRecord[], dumpOf: (r: AstRecord) => DumpedRecord | undefined, typedefs: ReadonlyMap<string, string>, placeOf: (r: AstRecord) => string | undefined): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const r of records) {
    const d = dumpOf(r);
    if (!d) continue;
    if (r.tag) sizes.set(`${r.kind} ${r.tag}`, d.size);
    const place = placeOf(r);
    if (place) sizes.set(place, d.size);
    const typedef = typedefs.get(r.id);
    if (typedef) {
      sizes.set(typedef, d.size);
      sizes.set(`${r.kind} ${typedef}`, d.size);
    }
  }
  return sizes;
}

/** `uint8_t[2][3]` → `uint8_t` and [2, 3]; a flexible array's dimension is 0. */
export function splitDims(type: string): { element: string; dims: number[] } {
  const m = /^(.*?)((?:\[\d*\])+)$/.exec(type.trim());
  if (!m) return { element: type.trim(), dims: [] };
  return { element: (m[1] ?? '').trim(), dims: [...(m[2] ?? '').matchAll(/\[(\d*)\]/g)].map((d) => Number(d[1] || 0)) };
}

/**
 * A type as the registry spells it: a record as `struct name` whether C names it by its tag or
 * by a typedef (Xen 4.15 respelled union members from `struct evtchn_send` to
 * `evtchn_send_t`, which changes nothing), a guest handle as `XEN_GUEST_HANDLE(x)`.
 */
export function spellType(qualType: string, names: RecordNames, tree: Paths): string {
  const handle = /^(?:const )?__guest_handle_(64_)?(\w+)((?:\[\d*\])*)$/.exec(qualType.trim());
  if (handle) return `${handle[1] ? 'XEN_GUEST_HANDLE_64' : 'XEN_GUEST_HANDLE'}(${handle[2]})${handle[3] ?? ''}`;
  const typedef = /^(\w+)((?:\[\d*\])*)$/.exec(qualType.trim());
  const record = typedef ? names.byTypedef.get(typedef[1] ?? '') : undefined;
  if (record) return `${names.kinds.get(record) ?? 'struct'} ${record}${typedef?.[2] ?? ''}`;
  return qualType.replace(UNNAMED, (whole, kind: string, at: string) => {
    const name = names.byWhere.get(tree.where(kind, at));
    return name ? `${kind} ${name}` : whole;
  }).replace(/ \[/g, '[');
}

/** The record a type is, through arrays and typedefs; undefined for scalars and guest handles. */
function recordOfType(qualType: string, desugared: string, names: RecordNames, tree: Paths): string | undefined {
  if (/^(?:const )?__guest_handle_/.test(qualType.trim())) return undefined;
  const { element } = splitDims(desugared);
  const unnamed = [...element.matchAll(UNNAMED)][0];
  if (unnamed) return names.byWhere.get(tree.where(unnamed[1] ?? '', unnamed[2] ?? ''));
  const tagged = /^(?:const )?(?:struct|union) (\w+)$/.exec(element);
  // `kinds` holds every record's header-mode name.
  if (tagged) return names.byTypedef.get(tagged[1] ?? '') ?? (names.kinds.has(tagged[1] ?? '') ? tagged[1] : undefined);
  return names.byTypedef.get(element);
}

/** What the compiler knows of types: record sizes by spelling, and every typedef's target (system ones included). */
export interface TypeTable {
  sizes: ReadonlyMap<string, number>;
  typedefs: ReadonlyMap<string, string>;
}

/** Bytes of a type on `arch`: scalars from the data model, records from their layouts, arrays by their lengths. */
export function sizeOfType(type: string, arch: Arch, table: TypeTable, tree: Paths): number {
  let { element, dims } = splitDims(type);
  for (let depth = 0; depth < 16; depth++) {
    const bare = element.replace(/^(?:const|volatile) /, '');
    const unnamed = [...bare.matchAll(UNNAMED)][0];
    const size = cScalarSize(arch, bare) ?? handleSize(arch, bare) ?? table.sizes.get(bare) ?? (unnamed ? table.sizes.get(tree.where(unnamed[1] ?? '', unnamed[2] ?? '')) : undefined);
    if (size !== undefined) return size * dims.reduce((n, d) => n * d, 1);
    const target = table.typedefs.get(bare);
    if (target === undefined) break;
    const inner = splitDims(target);
    element = inner.element;
    dims = [...dims, ...inner.dims];
  }
  throw new Error(`${arch}: no size known for the type ${type}`);
}

/**
 * A guest handle's size, from the data model: Xen defines the handle structs of a header in
 * pairs from one macro expansion, which the layout dump cannot tell apart by place (they are
 * the same size; `xenabi verify` checks the data model's handle sizes on every release).
 */
function handleSize(arch: Arch, type: string): number | undefined {
  const m = /^__guest_handle_(64_)?\w+$/.exec(type);
  if (!m) return undefined;
  const handles = DATA_MODELS[arch].handles;
  return (m[1] ? handles.wide : handles.native).size;
}

/**
 * Xen's `uint64_aligned_t` and `int64_aligned_t` where they are macros (`uint64_t
 * __attribute__((aligned(8)))`, as tools builds have them on x86): a 64-bit member with that
 * attribute is spelled by its name.
 */
function alignedSpelling(f: AstField): string | undefined {
  if (f.alignedTo !== 8) return undefined;
  const { element, dims } = splitDims(f.qualType);
  const name = element === 'uint64_t' ? 'uint64_aligned_t' : element === 'int64_t' ? 'int64_aligned_t' : undefined;
  return name ? `${name}${dims.map((d) => `[${d || ''}]`).join('')}` : undefined;
}

/**
 * One architecture's members, each with its dumped place, spelled type, record and size. A
 * few hundred types spell thousands of members: each type is spelled, sized and resolved once.
 */
export function fieldSpeller(arch: Arch, names: RecordNames, table: TypeTable, tree: Paths): (f: AstField, d: DumpedField) => FieldFact {
  const spelled = new Map<string, string>();
  const sizes = new Map<string, number>();
  const records = new Map<string, string | undefined>();
  const once = <T>(memo: Map<string, T>, key: string, make: () => T): T => {
    if (memo.has(key)) return memo.get(key) as T;
    const value = make();
    memo.set(key, value);
    return value;
  };
  return (f, d) => {
    const flexible = /\[\]$/.test(f.desugared.trim());
    const record = once(records, `${f.qualType}\n${f.desugared}`, () => recordOfType(f.qualType, f.desugared, names, tree));
    const bits = f.bitWidth !== undefined ? { bitOffset: d.bitOffset ?? d.offset * 8, bitWidth: f.bitWidth } : {};
    return {
      name: f.name,
      offset: d.offset,
      size: flexible ? 0 : once(sizes, f.desugared, () => sizeOfType(f.desugared, arch, table, tree)),
      type: alignedSpelling(f) ?? once(spelled, f.qualType, () => spellType(f.qualType, names, tree)),
    ...(record ? { record } : {}),
    ...bits,
      ...(flexible ? { flexibleArray: true as const } : {}),
      loc: tree.loc(f.loc) ?? { file: '', line: 0, col: 0 },
    };
  };
}
