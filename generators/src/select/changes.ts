/**
 * Where an item changes across releases: the releases at which the item, or anything the
 * model as one release has it (`atRelease`) shows of what it depends on, starts, ends or
 * takes another value. Between two such releases the item reads the same declarations, so
 * whatever is computed from it in one release (its C spelling, its layout) holds in every
 * release of the run. Emitters that describe every release compute once per run
 * (`ChangePoints.segments`) instead of once per release.
 *
 * What an item depends on, by name, through every declaration of that name in the history:
 * - its own lifetimes, and a constant's value changes (`history`);
 * - a record's members' lifetimes and, through their types, the records and typedefs they
 *   name (inline records included), to any depth;
 * - a typedef's type, likewise;
 * - a ring's shared page: its entry record (with its request and response) too, whose size decides where the entries end and
 *   how many fit (`ArchLayout.ring`), although no member of the page names it; and a
 *   constant counting a ring's entries (`ringEntries`), that page;
 * - for a flag's bit-number constant: each set with a flag naming it (that set's lifetime)
 *   and the flag's mask constant, which decides whether the flag is in a release.
 * The points are a superset of the real changes: a run may end where nothing visible changed.
 */
import { XEN_RELEASES } from '../model/releases.js';
import type { LayoutMemo, RecordLayout } from '../layout/engine.js';
import type { AbiModel, Arch, TypeRef } from '../model/types.js';

interface Lifetimed {
  since?: string;
  until?: string;
}

const RELEASE_INDEX = new Map<string, number>(XEN_RELEASES.map((r, i) => [r, i]));

function indexOf(release: string): number {
  const i = RELEASE_INDEX.get(release);
  if (i === undefined) throw new Error(`unknown Xen release ${release}`);
  return i;
}

/** The change points of every item of one model, computed per name on first use. */
export class ChangePoints {
  /** Every name's direct points and the names it depends on. */
  private readonly direct = new Map<string, { points: Set<number>; needs: Set<string> }>();
  private readonly memo = new Map<string, readonly number[]>();

  constructor(history: Pick<AbiModel, 'records' | 'aliases' | 'constants' | 'sets'>) {
    for (const r of history.records) {
      const entry = this.entry(r.name, r);
      for (const f of r.fields) {
        addLifetime(entry.points, f);
        for (const n of typeNames(f.type)) entry.needs.add(n);
      }
      // A ring's page is laid out with its entries after it, though they are no member of it.
      if (r.ring) for (const n of [r.ring.entry, r.ring.request, r.ring.response]) entry.needs.add(n);
    }
    for (const a of history.aliases) {
      const entry = this.entry(a.name, a);
      for (const n of typeNames(a.type)) entry.needs.add(n);
    }
    for (const c of history.constants) {
      const entry = this.entry(c.name, c);
      for (const h of c.history ?? []) entry.points.add(indexOf(h.since));
      if (c.ringEntries) entry.needs.add(c.ringEntries);
    }
    for (const s of history.sets) {
      this.entry(s.name, s);
      for (const f of s.flags ?? []) {
        if (!f.bitConstant) continue;
        const entry = this.entry(f.bitConstant);
        addLifetime(entry.points, s);
        entry.needs.add(f.mask);
      }
    }
  }

  /** The release indexes (into `XEN_RELEASES`) at which `name` or what it depends on changes, sorted. */
  of(name: string): readonly number[] {
    let points = this.memo.get(name);
    if (!points) {
      const all = new Set<number>();
      const seen = new Set<string>();
      const visit = (n: string): void => {
        if (seen.has(n)) return;
        seen.add(n);
        const entry = this.direct.get(n);
        if (!entry) return;
        for (const p of entry.points) all.add(p);
        for (const m of entry.needs) visit(m);
      };
      visit(name);
      points = [...all].sort((a, b) => a - b);
      this.memo.set(name, points);
    }
    return points;
  }

  /**
   * `releases` (oldest first) in runs: a run ends before each release at which `name` or
   * what it depends on changes, so every release of a run sees `name` alike.
   */
  segments(name: string, releases: readonly string[]): string[][] {
    const points = this.of(name);
    const runs: string[][] = [];
    let previous = -1;
    for (const release of releases) {
      const at = indexOf(release);
      const last = runs.at(-1);
      if (last && !points.some((p) => p > previous && p <= at)) last.push(release);
      else runs.push([release]);
      previous = at;
    }
    return runs;
  }

  /**
   * Which run of releases `release` is in for `name`: the index of the last release up to it
   * at which `name` or what it depends on changes (-1 when none). Two releases with the same
   * run see `name` alike.
   */
  run(name: string, release: string): number {
    const at = indexOf(release);
    let start = -1;
    for (const p of this.of(name)) if (p <= at) start = p;
    return start;
  }

  /**
   * Where the layout engines of several releases keep the record layouts they compute, in
   * `store`: keyed by the architecture and the run of releases that see the record alike,
   * so that each layout is computed once per run instead of once per release.
   */
  layoutMemo(store: Map<string, RecordLayout>, release: string, arch: Arch): LayoutMemo {
    // What this release has looked up already, by name: the engine asks for a layout each time a type names it.
    const seen = new Map<string, RecordLayout>();
    const key = (name: string): string => `${arch}/${name}/${this.run(name, release)}`;
    return {
      get: (name) => {
        let layout = seen.get(name);
        if (layout === undefined) {
          layout = store.get(key(name));
          if (layout !== undefined) seen.set(name, layout);
        }
        return layout;
      },
      set: (name, layout) => {
        seen.set(name, layout);
        store.set(key(name), layout);
      },
    };
  }

  private entry(name: string, lifetime?: Lifetimed): { points: Set<number>; needs: Set<string> } {
    let entry = this.direct.get(name);
    if (!entry) {
      entry = { points: new Set(), needs: new Set() };
      this.direct.set(name, entry);
    }
    if (lifetime) addLifetime(entry.points, lifetime);
    return entry;
  }
}

function addLifetime(points: Set<number>, lifetime: Lifetimed): void {
  if (lifetime.since) points.add(indexOf(lifetime.since));
  if (lifetime.until) points.add(indexOf(lifetime.until));
}

/** The records and typedefs a type names, through arrays. */
function typeNames(type: TypeRef): string[] {
  if (type.kind === 'array') return typeNames(type.element);
  return type.kind === 'record' || type.kind === 'alias' ? [type.name] : [];
}
