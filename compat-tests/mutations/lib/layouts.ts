/**
 * The expected verdict of a mutation whose effect depends on the layout (a field inserted
 * where there may be padding, an alignment dropped where it may not matter) is read from the
 * layout engine's tables of the base and the mutant, the same tables the checker compares.
 * Nothing here computes an offset.
 */
import { ArchLayout, type RecordLayout } from '../../../generators/src/layout/engine.js';
import { ARCHES } from '../../../generators/src/model/arch.js';
import type { Arch } from '../../../generators/src/model/types.js';
import type { View } from './edit.js';

const engines = new WeakMap<View, ArchLayout[]>();

function enginesOf(view: View): ArchLayout[] {
  let list = engines.get(view);
  if (!list) {
    list = ARCHES.map((arch) => new ArchLayout(view, arch));
    engines.set(view, list);
  }
  return list;
}

/** A record's layout on every architecture it exists on. */
export function layoutsOf(view: View, name: string): Partial<Record<Arch, RecordLayout>> {
  const out: Partial<Record<Arch, RecordLayout>> = {};
  for (const engine of enginesOf(view)) if (engine.has(name)) out[engine.arch] = engine.record(name);
  return out;
}

/** How a record's layout differs between two views, on any architecture both have it on. */
export interface LayoutChange {
  size: boolean;
  align: boolean;
  /** Fields of the base (by name) whose offset, size or bit position differ in the head. */
  moved: { name: string; bitField: boolean }[];
  /** Nothing of the base's layout changed: same size, alignment and places for every base field. */
  kept: boolean;
}

export function layoutChange(base: View, head: View, name: string): LayoutChange {
  const before = layoutsOf(base, name);
  const after = layoutsOf(head, name);
  let size = false;
  let align = false;
  const moved = new Map<string, boolean>();
  for (const arch of ARCHES) {
    const b = before[arch];
    const h = after[arch];
    if (!b || !h) continue;
    size ||= b.size !== h.size;
    align ||= b.align !== h.align;
    for (const f of b.fields) {
      const g = h.fields.find((x) => x.name === f.name);
      if (g && (g.offset !== f.offset || g.size !== f.size || g.bitOffset !== f.bitOffset || g.bitWidth !== f.bitWidth)) moved.set(f.name, f.bitWidth !== undefined);
    }
  }
  const list = [...moved].map(([n, bitField]) => ({ name: n, bitField }));
  return { size, align, moved: list, kept: !size && !align && list.length === 0 };
}

/** The largest size a record has on any architecture. */
export function maxSize(view: View, name: string): number {
  return Math.max(0, ...Object.values(layoutsOf(view, name)).map((l) => l.size));
}

/** The size of a field of a record on every architecture, when it is the same on all of them. */
export function uniformFieldSize(view: View, record: string, field: string): number | undefined {
  const sizes = new Set(Object.values(layoutsOf(view, record)).map((l) => l.fields.find((f) => f.name === field)?.size));
  const [only] = sizes;
  return sizes.size === 1 && only !== undefined ? only : undefined;
}
