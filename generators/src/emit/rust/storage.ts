/**
 * How a record's bytes are held in Rust, per architecture, read from the layout engine:
 * each C member becomes a Rust field at the engine's offset; each run of C bit-fields becomes
 * one byte-array storage field covering the bytes its bits touch; each hole the engine lists
 * becomes an explicit `[u8; N]` field. Nothing is left for rustc to pad, so every byte of a
 * struct belongs to a field and `zerocopy::IntoBytes` holds.
 *
 * The per-architecture item lists are then merged into one declaration: an item that exists
 * on some architectures only, or whose type differs, is declared once per group of
 * architectures under `#[cfg(…)]`. A record whose layout changed between the releases the
 * features select is planned once per run of releases that lay it out alike (a segment), with
 * the newest record's members as they exist in that run, and the segments are merged the same
 * way (`mergeSegments`).
 */
import { aliasOn } from '../../model/aliases.js';
import type { ArchLayout, FieldLayout, HoleLayout, RecordLayout } from '../../layout/engine.js';
import { ARCHES, onArch } from '../../model/arch.js';
import type { AliasDecl, Arch, Field, RecordDecl, TypeRef } from '../../model/types.js';

interface ItemBase {
  /** Identity of the item across architectures. */
  key: string;
  /** First byte. */
  offset: number;
  /** Bytes; 0 for a flexible array member. */
  size: number;
}

/** A C member that is not a bit-field. */
export interface FieldItem extends ItemBase {
  kind: 'field';
  field: Field;
  /** Index in `RecordDecl.fields`. */
  index: number;
  layout: FieldLayout;
}

/** One run of consecutive C bit-fields, held in `[u8; size]`. */
export interface BitsItem extends ItemBase {
  kind: 'bits';
  members: { field: Field; index: number; layout: FieldLayout }[];
}

/** Bytes the C compiler inserts, made explicit. */
export interface HoleItem extends ItemBase {
  kind: 'hole';
  hole: HoleLayout;
  /** The C member the hole follows, for docs. */
  after: string;
}

export type StorageItem = FieldItem | BitsItem | HoleItem;

/** A record on one architecture. */
export interface ArchStorage {
  arch: Arch;
  layout: RecordLayout;
  items: StorageItem[];
}

/** One declaration slot of the merged record: the same item on every architecture that has it. */
export interface StorageSlot {
  key: string;
  kind: StorageItem['kind'];
  /** Rust field name, for `bits` and `hole` slots (fields are named by their member). */
  name: string;
  perArch: Map<Arch, StorageItem>;
}

export interface RecordStorage {
  archs: Arch[];
  perArch: Map<Arch, ArchStorage>;
  slots: StorageSlot[];
}

/** Names of the storage fields that are not members. */
export interface SlotNames {
  bits: (i: number) => string;
  hole: (i: number) => string;
}

/**
 * Lays out `record` on each of `archs` as Rust storage items and merges them into slots.
 * `layouts` may be those of an older release; `memberName` then says which members of the
 * (newest) record that release has, under the name it gives them (`pad` for `flags` before
 * 4.11), and undefined for the others.
 */
export function planStorage(
  record: RecordDecl,
  archs: readonly Arch[],
  layouts: ReadonlyMap<Arch, ArchLayout>,
  names: SlotNames,
  memberName: (field: Field) => string | undefined = (f) => f.name,
): RecordStorage {
  const perArch = new Map<Arch, ArchStorage>();
  for (const arch of archs) {
    const layout = layouts.get(arch)!.record(record.name);
    perArch.set(arch, { arch, layout, items: archItems(record, arch, layout, memberName) });
  }
  return { archs: [...archs], perArch, slots: mergeSlots([...perArch.values()], names) };
}

function archItems(record: RecordDecl, arch: Arch, layout: RecordLayout, memberName: (field: Field) => string | undefined): StorageItem[] {
  const present = record.fields.map((field, index) => ({ field, index })).filter(({ field }) => onArch(field, arch) && memberName(field) !== undefined);
  if (present.length !== layout.fields.length) throw new Error(`rust emitter: ${record.name} on ${arch}: fields and layout disagree`);
  const items: StorageItem[] = [];
  let run: BitsItem | undefined;
  present.forEach(({ field, index }, i) => {
    const fl = layout.fields[i]!;
    if (fl.name !== memberName(field)) throw new Error(`rust emitter: ${record.name} on ${arch}: member ${i} is ${fl.name} in the layout, ${memberName(field)} in the plan`);
    if (fl.bitOffset === undefined || fl.bitWidth === undefined) {
      run = undefined;
      items.push({ kind: 'field', key: `f${index}`, field, index, layout: fl, offset: fl.offset, size: fl.flexibleArray ? 0 : fl.size });
      return;
    }
    if (!run) {
      run = { kind: 'bits', key: `b${index}`, members: [], offset: Math.floor(fl.bitOffset / 8), size: 0 };
      items.push(run);
    }
    run.members.push({ field, index, layout: fl });
    run.size = Math.ceil((fl.bitOffset + fl.bitWidth) / 8) - run.offset;
  });
  if (record.kind === 'struct') items.push(...holeItems(layout.holes, items));
  return sortByOffset(items);
}

/**
 * The bytes of each hole that no storage field covers. A hole that starts inside a byte
 * (after a bit-field) starts at the next byte, whose partial bits the bit-field storage
 * already holds; a hole between two bit-fields of one run lies inside the run's storage.
 */
function holeItems(holes: readonly HoleLayout[], items: readonly StorageItem[]): HoleItem[] {
  const runs = items.filter((i): i is BitsItem => i.kind === 'bits');
  return holes
    .map((hole) => ({ hole, offset: hole.offset + (hole.bits % 8 ? 1 : 0), size: hole.size }))
    .filter(({ offset, size }) => size > 0 && !runs.some((r) => offset >= r.offset && offset < r.offset + r.size))
    .map(({ hole, offset, size }) => ({ kind: 'hole', key: '', hole, after: hole.after, offset, size }));
}

/** Offset order; at one offset, zero-sized members (a flexible array) before the hole that follows them. */
function sortByOffset(items: StorageItem[]): StorageItem[] {
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.offset - b.item.offset || rank(a.item) - rank(b.item) || a.i - b.i);
  let previous = '^';
  return sorted.map(({ item }) => {
    if (item.kind === 'hole') return { ...item, key: `h:${previous}` };
    previous = item.key;
    return item;
  });
}

function rank(item: StorageItem): number {
  return item.kind === 'hole' ? 1 : 0;
}

/**
 * Declaration order across architectures: members in declaration order, each hole right
 * after the item it follows on its architectures. Runs and holes are numbered in that order.
 */
function mergeSlots(arches: ArchStorage[], names: SlotNames): StorageSlot[] {
  const slots = new Map<string, StorageSlot>();
  for (const a of arches) {
    for (const item of a.items) {
      const slot = slots.get(item.key) ?? { key: item.key, kind: item.kind, name: '', perArch: new Map() };
      slot.perArch.set(a.arch, item);
      slots.set(item.key, slot);
    }
  }
  const ordered = [...slots.values()].sort((x, y) => slotRank(x.key) - slotRank(y.key));
  nameSlots([ordered], names);
  return ordered;
}

/** Numbers bit-field storage and holes in declaration order across all `slotLists`, so one slot has one name in every segment. */
function nameSlots(slotLists: readonly StorageSlot[][], names: SlotNames): void {
  const keys = [...new Set(slotLists.flatMap((l) => l.filter((s) => s.kind !== 'field').map((s) => s.key)))].sort((x, y) => slotRank(x) - slotRank(y));
  let bits = 0;
  let holes = 0;
  const named = new Map(keys.map((k) => [k, k.startsWith('b') ? names.bits(bits++) : names.hole(holes++)]));
  for (const slot of slotLists.flat()) if (slot.kind !== 'field') slot.name = named.get(slot.key)!;
}

/** A record planned for one run of releases that lay it out alike. */
export interface StorageSegment {
  releases: string[];
  storage: RecordStorage;
}

/** One place on one architecture in one segment: the unit a merged slot is made of. */
export interface SlotUnit {
  releases: readonly string[];
  arch: Arch;
  item: StorageItem;
}

/** A slot of the record over every segment: the same member, bit-field run or hole wherever it exists. */
export interface VersionedSlot {
  key: string;
  kind: StorageItem['kind'];
  name: string;
  units: SlotUnit[];
}

/** The slots of all segments, in declaration order, each named alike in every segment. */
export function mergeSegments(segments: readonly StorageSegment[], names: SlotNames): VersionedSlot[] {
  if (segments.length > 1) nameSlots(segments.map((s) => s.storage.slots), names);
  const slots = new Map<string, VersionedSlot>();
  for (const { releases, storage } of segments) {
    for (const slot of storage.slots) {
      const merged = slots.get(slot.key) ?? { key: slot.key, kind: slot.kind, name: slot.name, units: [] };
      for (const [arch, item] of slot.perArch) merged.units.push({ releases, arch, item });
      slots.set(slot.key, merged);
    }
  }
  return [...slots.values()].sort((x, y) => slotRank(x.key) - slotRank(y.key));
}

/** `f3`/`b3` rank 7 (2·3+1); a hole after them ranks 8; a hole at the very start ranks 0. */
function slotRank(key: string): number {
  if (key === 'h:^') return 0;
  if (key.startsWith('h:')) return slotRank(key.slice(2)) + 1;
  return 2 * Number(key.slice(1)) + 1;
}

/**
 * The alignment rustc gives a member of this type on `arch`, when the Rust type mirrors the C
 * one as this emitter spells it. It equals the C alignment except for `uint64_aligned_t`,
 * which is a plain `u64` in Rust: 4-aligned on x86 (32-bit), where Xen's tools layout makes it
 * 8. Records get their C alignment back through `#[repr(align(N))]`; see `needsAlign`.
 */
export function rustAlignOf(type: TypeRef, layout: ArchLayout, aliases: ReadonlyMap<string, readonly AliasDecl[]>): number {
  switch (type.kind) {
    case 'archScalar':
      return type.name === 'uint64_aligned_t' || type.name === 'int64_aligned_t' ? layout.dataModel.scalars.uint64_t.align : layout.dataModel.archScalars[type.name].align;
    case 'alias': {
      const alias = aliasOn(aliases.get(type.name) ?? [], layout.arch);
      if (!alias) throw new Error(`rust emitter: no typedef ${type.name} on ${layout.arch}`);
      return rustAlignOf(alias.type, layout, aliases);
    }
    case 'array':
      return rustAlignOf(type.element, layout, aliases);
    default:
      return layout.sizeAlign(type).align;
  }
}

/**
 * The `align(N)` a record needs on one architecture: the engine's alignment when it exceeds
 * what rustc derives from the storage fields (bit-field storage and holes are byte arrays),
 * else undefined.
 */
export function needsAlign(storage: ArchStorage, layout: ArchLayout, aliases: ReadonlyMap<string, readonly AliasDecl[]>): number | undefined {
  const natural = storage.items.reduce((max, item) => Math.max(max, item.kind === 'field' ? rustAlignOf(item.field.type, layout, aliases) : 1), 1);
  return storage.layout.align > natural ? storage.layout.align : undefined;
}

/** Groups architectures by a value, in `ARCHES` order: `[[archs, value], …]`. */
export function groupArchs<T>(archs: readonly Arch[], value: (arch: Arch) => T, key: (v: T) => string = (v) => JSON.stringify(v)): [Arch[], T][] {
  const groups = new Map<string, [Arch[], T]>();
  for (const arch of ARCHES.filter((a) => archs.includes(a))) {
    const v = value(arch);
    const k = key(v);
    const g = groups.get(k);
    if (g) g[0].push(arch);
    else groups.set(k, [[arch], v]);
  }
  return [...groups.values()];
}
