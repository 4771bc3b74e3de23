/**
 * What the passes share: name lookups over the model, and scopes — the (release, arch)
 * pairs in which an item exists — with a readable way to print them.
 *
 * A scope is a set of (release, arch) pairs rather than a release range times an arch list,
 * because an inline record used by an x86-only member from 4.10 and an Arm-only member from
 * 4.12 exists on neither product. It is a bigint with one bit per pair (17 releases × 4
 * arches), so intersecting two is one `&`. Passes never call `existsIn` on unchecked
 * releases: an unknown release gives an empty scope here, and the lifetime pass reports it.
 */
import { ARCHES } from '../model/arch.js';
import { XEN_RELEASES } from '../model/releases.js';
import type {
  AbiModel,
  AliasDecl,
  Arch,
  ConstantDecl,
  ConstantSetDecl,
  Field,
  ModuleDecl,
  RecordDecl,
  TypeRef,
} from '../model/types.js';

/** A set of (release, arch) pairs: bit `release index × 4 + arch index`. */
export type Scope = bigint;

export const EMPTY: Scope = 0n;
const ARCH_COUNT = BigInt(ARCHES.length);

/** Every item of the model by name; the first declaration wins (duplicates are a pass of their own). */
export interface ModelIndex {
  modules: Map<string, ModuleDecl>;
  records: Map<string, RecordDecl>;
  aliases: Map<string, AliasDecl>;
  constants: Map<string, ConstantDecl>;
  sets: Map<string, ConstantSetDecl>;
  /** Every constant of each name: a constant may be declared once per arch or per numbering. */
  constantsNamed: Map<string, ConstantDecl[]>;
  /** Records by name, tag and typedef: what a guest handle's target may be. */
  recordsBySpelling: Map<string, RecordDecl>;
}

export function indexModel(model: AbiModel): ModelIndex {
  const recordsBySpelling = new Map<string, RecordDecl>();
  for (const r of model.records) {
    for (const name of [r.name, r.tag, r.typedef]) if (name && !recordsBySpelling.has(name)) recordsBySpelling.set(name, r);
  }
  return {
    modules: byName(model.modules),
    records: byName(model.records),
    aliases: byName(model.aliases),
    constants: byName(model.constants),
    sets: byName(model.sets),
    constantsNamed: groupByName(model.constants),
    recordsBySpelling,
  };
}

function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.name)) map.set(item.name, item);
  return map;
}

function groupByName<T extends { name: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.name, [...(map.get(item.name) ?? []), item]);
  return map;
}

// ---- Releases and arches ------------------------------------------------------------------

export function releaseIndex(release: string | undefined): number {
  return release === undefined ? -1 : (XEN_RELEASES as readonly string[]).indexOf(release);
}

export function isKnownRelease(release: string): boolean {
  return releaseIndex(release) >= 0;
}

/** Indices of the known releases from `since` up to, not including, `until`; empty when either is unknown. */
function releaseSpan(lifetime: { since?: string; until?: string }): [number, number] {
  const from = lifetime.since === undefined ? 0 : releaseIndex(lifetime.since);
  const to = lifetime.until === undefined ? XEN_RELEASES.length : releaseIndex(lifetime.until);
  return from < 0 || to < 0 ? [0, 0] : [from, to];
}

/** True when the item lives in `release` (false when its lifetime names an unknown release). */
export function liveIn(lifetime: { since?: string; until?: string }, release: string): boolean {
  const [from, to] = releaseSpan(lifetime);
  const at = releaseIndex(release);
  return at >= from && at < to;
}

/** The known releases from `since` up to, not including, `until`; empty when either is unknown. */
export function releasesOf(lifetime: { since?: string; until?: string }): string[] {
  const [from, to] = releaseSpan(lifetime);
  return XEN_RELEASES.slice(from, to);
}

/** `archs` intersected with each further restriction; absent means every arch. */
export function archsOf(...restrictions: (readonly Arch[] | undefined)[]): Arch[] {
  return ARCHES.filter((arch) => restrictions.every((r) => !r || r.includes(arch)));
}

function bit(releaseAt: number, archAt: number): Scope {
  return 1n << (BigInt(releaseAt) * ARCH_COUNT + BigInt(archAt));
}

/** The pair (release, arch) as a one-element scope (empty for an unknown release). */
export function pair(release: string, arch: Arch): Scope {
  const at = releaseIndex(release);
  return at < 0 ? EMPTY : bit(at, ARCHES.indexOf(arch));
}

export function has(scope: Scope, release: string, arch: Arch): boolean {
  return (scope & pair(release, arch)) !== EMPTY;
}

const spans = new Map<string, Scope>();

/** A lifetime on some arches. */
export function spanScope(lifetime: { since?: string; until?: string }, archs: readonly Arch[]): Scope {
  const key = `${lifetime.since}|${lifetime.until}|${archs.join()}`;
  let scope = spans.get(key);
  if (scope === undefined) {
    const [from, to] = releaseSpan(lifetime);
    let archMask = EMPTY;
    for (const arch of archs) archMask |= 1n << BigInt(ARCHES.indexOf(arch));
    scope = EMPTY;
    for (let at = from; at < to; at++) scope |= archMask << (BigInt(at) * ARCH_COUNT);
    spans.set(key, scope);
  }
  return scope;
}

export function scopeOf(releases: readonly string[], archs: readonly Arch[]): Scope {
  let scope = EMPTY;
  for (const release of releases) for (const arch of archs) scope |= pair(release, arch);
  return scope;
}

export function intersect(a: Scope, b: Scope): Scope {
  return a & b;
}

export function subtract(a: Scope, b: Scope): Scope {
  return a & ~b;
}

/** The scope's pairs, release-major, in model order. */
export function pairsOf(scope: Scope): { release: string; arch: Arch }[] {
  const pairs: { release: string; arch: Arch }[] = [];
  XEN_RELEASES.forEach((release, r) => ARCHES.forEach((arch, a) => (scope & bit(r, a)) !== EMPTY && pairs.push({ release, arch })));
  return pairs;
}

/** The arches a scope touches. */
export function archsIn(scope: Scope): Arch[] {
  return ARCHES.filter((arch) => XEN_RELEASES.some((release) => has(scope, release, arch)));
}

/** `4.6-4.8, 4.12`: releases as contiguous ranges. */
export function formatReleases(releases: readonly string[]): string {
  const indices = [...new Set(releases.map(releaseIndex).filter((i) => i >= 0))].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < indices.length; ) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++;
    const from = XEN_RELEASES[indices[i]!]!;
    const to = XEN_RELEASES[indices[j]!]!;
    ranges.push(from === to ? from : `${from}-${to}`);
    i = j + 1;
  }
  return ranges.join(', ');
}

/** `in 4.9-4.22 on x86_32, x86_64; in 4.10-4.22 on arm64`, or `in 4.9-4.22` on every arch. */
export function formatScope(scope: Scope): string {
  const byRange = new Map<string, Arch[]>();
  for (const arch of ARCHES) {
    const releases = XEN_RELEASES.filter((r) => has(scope, r, arch));
    if (releases.length) {
      const range = formatReleases(releases);
      byRange.set(range, [...(byRange.get(range) ?? []), arch]);
    }
  }
  const all = [...byRange.values()];
  if (all.length === 1 && all[0]!.length === ARCHES.length) return `in ${[...byRange.keys()][0]}`;
  return [...byRange].map(([range, archs]) => `in ${range} on ${archs.join(', ')}`).join('; ');
}

/**
 * The releases split into runs of consecutive releases in which none of `items` starts, ends
 * or changes value: whatever depends only on them is the same throughout a run, so a pass
 * may look at each run's first release and speak for the whole run.
 */
export function releaseRuns(items: Iterable<{ since?: string; until?: string; history?: readonly { since: string }[] }>): string[][] {
  const bounds = new Set<string>();
  for (const item of items) {
    if (item.since) bounds.add(item.since);
    if (item.until) bounds.add(item.until);
    for (const h of item.history ?? []) bounds.add(h.since);
  }
  const runs: string[][] = [];
  for (const release of XEN_RELEASES) {
    if (runs.length === 0 || bounds.has(release)) runs.push([]);
    runs.at(-1)!.push(release);
  }
  return runs;
}

/** A run of releases on some arches, as a scope. */
export function runScope(run: readonly string[], archs: readonly Arch[]): Scope {
  const last = releaseIndex(run.at(-1));
  return spanScope({ since: run[0], until: XEN_RELEASES[last + 1] }, archs);
}

/** Each run's first release on each arch, with the part of `within` the run covers there. */
export function runPairs(runs: readonly string[][], within: Scope): { release: string; arch: Arch; where: Scope }[] {
  return runs.flatMap((run) =>
    ARCHES.map((arch) => ({ release: run[0]!, arch, where: runScope(run, [arch]) & within })).filter((p) => p.where !== EMPTY),
  );
}

// ---- Scopes of items --------------------------------------------------------------------

/** Where each item exists, computed once per item. */
export class Scopes {
  readonly index: ModelIndex;
  private readonly itemMemo = new Map<object, Scope>();
  private readonly recordMemo = new Map<string, Scope>();

  constructor(readonly model: AbiModel, index?: ModelIndex) {
    this.index = index ?? indexModel(model);
  }

  /** A top-level item: its lifetime and arches, within its module's arches. */
  item(item: { since?: string; until?: string; archs?: readonly Arch[]; module: string }): Scope {
    let scope = this.itemMemo.get(item);
    if (scope === undefined) {
      scope = spanScope(item, archsOf(item.archs, this.index.modules.get(item.module)?.archs));
      this.itemMemo.set(item, scope);
    }
    return scope;
  }

  /** A record: an inline one also lives only where its parent and the members using it do. */
  record(name: string): Scope {
    const cached = this.recordMemo.get(name);
    if (cached !== undefined) return cached;
    this.recordMemo.set(name, EMPTY); // a cycle through parents yields nothing
    const decl = this.index.records.get(name);
    let scope = decl ? this.item(decl) : EMPTY;
    const parent = decl?.parent ? this.index.records.get(decl.parent) : undefined;
    if (decl && parent) {
      const users = parent.fields.filter((f) => directRecord(f.type) === decl.name);
      const used = users.length ? users.reduce((s, f) => s | this.field(parent, f), EMPTY) : this.record(parent.name);
      scope &= used;
    }
    this.recordMemo.set(name, scope);
    return scope;
  }

  /** A member: its own lifetime and arches within its record's scope. */
  field(record: RecordDecl, field: Field): Scope {
    return this.record(record.name) & spanScope(field, archsOf(field.archs));
  }
}

/** Index and scopes of a model, built once however many passes ask. Models are not mutated once loaded. */
const contexts = new WeakMap<AbiModel, Scopes>();

export function scopesOf(model: AbiModel): Scopes {
  let scopes = contexts.get(model);
  if (!scopes) {
    scopes = new Scopes(model);
    contexts.set(model, scopes);
  }
  return scopes;
}

// ---- Types ------------------------------------------------------------------------------

/** The record a type holds by value, looking through arrays and typedefs. */
export function recordOf(type: TypeRef, index: ModelIndex, seen = new Set<string>()): string | undefined {
  switch (type.kind) {
    case 'record':
      return type.name;
    case 'array':
      return recordOf(type.element, index, seen);
    case 'alias': {
      const alias = index.aliases.get(type.name);
      if (!alias || seen.has(alias.name)) return undefined;
      seen.add(alias.name);
      return recordOf(alias.type, index, seen);
    }
    default:
      return undefined;
  }
}

/** The record a type holds by value through arrays only: how a record holds its inline records. */
export function directRecord(type: TypeRef): string | undefined {
  if (type.kind === 'array') return directRecord(type.element);
  return type.kind === 'record' ? type.name : undefined;
}

/** `record.field`; an anonymous member is `record.<anonN>` as lowering names it. */
export function fieldPath(record: RecordDecl, field: Field): string {
  if (field.name) return `${record.name}.${field.name}`;
  const anonymous = record.fields.filter((f) => !f.name).indexOf(field);
  return `${record.name}.<anon${anonymous}>`;
}

// ---- Constants --------------------------------------------------------------------------

/**
 * A constant's value in `release` on `arch`, or nothing where it does not exist: the
 * per-arch value if any, else the latest `history` entry in effect, else `value`. A string
 * constant has no integer value.
 */
export function constantValueAt(constant: ConstantDecl, release: string, arch: Arch, scopes: Scopes): bigint | undefined {
  if (constant.cType === 'string' || !has(scopes.item(constant), release, arch)) return undefined;
  const at = releaseIndex(release);
  const changed = (constant.history ?? []).filter((h) => releaseIndex(h.since) >= 0 && releaseIndex(h.since) <= at).at(-1);
  return parseInteger(constant.values?.[arch] ?? changed?.value ?? constant.value);
}

/** The value of whichever constant called `name` exists in `release` on `arch`. */
export function namedValueAt(scopes: Scopes, name: string, release: string, arch: Arch): bigint | undefined {
  for (const constant of scopes.index.constantsNamed.get(name) ?? []) {
    const value = constantValueAt(constant, release, arch, scopes);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * The constants a set's members declared, member by member. Lowering emits a set's constants
 * in member order and tags them with the set, so the n-th member naming `X` is the n-th
 * constant `X` of the set; that tells a renumbered flag's two declarations apart.
 */
export function memberConstants(set: ConstantSetDecl, model: AbiModel, index: ModelIndex): (name: string) => ConstantDecl | undefined {
  const own = new Map<string, ConstantDecl[]>();
  for (const c of model.constants) if (c.set === set.name) own.set(c.name, [...(own.get(c.name) ?? []), c]);
  return (name) => own.get(name)?.shift() ?? index.constants.get(name);
}

function parseInteger(text: string): bigint | undefined {
  try {
    return BigInt(text);
  } catch {
    return undefined;
  }
}
