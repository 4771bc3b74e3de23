/**
 * Which Xen release the crate is built for, and where each item exists among those releases.
 *
 * The `xen-4-N` cargo features are cumulative: each enables the one of the release before it,
 * so the enabled features always name one release, the oldest Xen the program supports
 * (`xen-4-6`, or nothing, is 4.6). The crate then declares the stable items that release
 * already had, each record laid out as that release has it. A feature predicate is a set of
 * such releases: `feature = "xen-4-11"` is 4.11 and later, `not(feature = "xen-4-11")` before it.
 *
 * Everything the crate declares exists on some architectures in some of those releases: its
 * `Presence`. Its `cfg` is the predicate true exactly there, given the presence of what
 * encloses it (its scope), so a field repeats neither its record's architectures nor its
 * record's release. Unstable modules follow the newest release only (Xen accepts one interface
 * version), so their items exist only in the newest release's configuration.
 *
 * Members Xen renamed without moving (`pad` became `flags` in 4.11) keep the newest name in
 * every configuration: features are additive, and a feature that renamed a field would break
 * code of another crate in the same build.
 */
import type { ArchLayout } from '../../layout/engine.js';
import { ARCHES } from '../../model/arch.js';
import { compareReleases, existsIn, XEN_RELEASES } from '../../model/releases.js';
import type { AbiModel, Arch, Field, Namespace, RecordDecl } from '../../model/types.js';
import { releaseHistory, type ReleaseHistory } from '../../select/history.js';
import type { ReleaseModel } from '../../select/release.js';
import { allOf, anyOf, archPredicate, featurePredicate } from './names.js';

/** Per architecture, the selectable releases something exists in, oldest first. */
export type Presence = ReadonlyMap<Arch, readonly string[]>;

/** The model and its layouts as each release has it, computed once per emit. */
export class RustReleases {
  /** The releases the features select, oldest first: 4.6 up to the release emitted. */
  readonly known: string[];
  private readonly shared: ReleaseHistory;
  private readonly layoutMaps = new Map<string, ReadonlyMap<Arch, ArchLayout>>();
  private readonly renamed = new Map<Field, Field[]>();
  private readonly lifetimes = new Map<string, string[]>();
  private readonly predicates = new Map<string, string>();
  private readonly runPredicates = new Map<readonly string[], Map<readonly string[], string>>();
  private historyRecords: Map<string, RecordDecl> | undefined;

  constructor(
    readonly history: AbiModel,
    readonly newest: ReleaseModel,
  ) {
    this.known = XEN_RELEASES.filter((r) => compareReleases(r, newest.release) <= 0);
    this.shared = releaseHistory(history);
  }

  /** The model as `release` has it: the view being emitted for the newest (its empty modules left out). */
  view(release: string): ReleaseModel {
    return release === this.newest.release ? this.newest : this.shared.view(release);
  }

  /** The layout engine on every architecture, for the model as `release` has it. */
  layouts(release: string): ReadonlyMap<Arch, ArchLayout> {
    let map = this.layoutMaps.get(release);
    if (!map) {
      map = new Map(ARCHES.map((a) => [a, this.shared.layout(release, a)]));
      this.layoutMaps.set(release, map);
    }
    return map;
  }

  /** `releases` (oldest first) in runs that see `name`, and what it depends on, alike. */
  segments(name: string, releases: readonly string[]): string[][] {
    if (releases.length <= 1) return releases.length ? [[...releases]] : [];
    return this.shared.changePoints().segments(name, releases);
  }

  /** The releases a declaration of the newest release exists in, among those the features select (shared: do not change it). */
  itemReleases(item: { namespace: Namespace; since: string; until?: string }): string[] {
    const key = `${item.namespace} ${item.since} ${item.until ?? ''}`;
    let releases = this.lifetimes.get(key);
    if (!releases) {
      releases = item.namespace === 'unstable' ? [this.newest.release] : this.known.filter((r) => existsIn(item, r));
      this.lifetimes.set(key, releases);
    }
    return releases;
  }

  /** The releases of `releases` (a record's) that have `field` or a member it renamed. */
  fieldReleases(record: RecordDecl, field: Field, releases: readonly string[]): readonly string[] {
    if (!field.since && !field.until) return releases;
    return releases.filter((r) => this.fieldIn(record, field, r));
  }

  /** `releasePredicate` over the known releases, remembered by the arrays given (most are shared). */
  releasePredicate(set: readonly string[], domain: readonly string[]): string {
    if (set.length === domain.length) return '';
    let byDomain = this.runPredicates.get(domain);
    if (!byDomain) this.runPredicates.set(domain, (byDomain = new Map()));
    let predicate = byDomain.get(set);
    if (predicate === undefined) {
      predicate = releasePredicate(set, domain, this.known);
      byDomain.set(set, predicate);
    }
    return predicate;
  }

  /** `cfgPredicate`, remembered: most things share a few presences and scopes. */
  predicate(where: Presence, scope: Presence): string {
    if (covers(where, scope)) return '';
    const key = `${presenceKey(where)}|${presenceKey(scope)}`;
    let predicate = this.predicates.get(key);
    if (predicate === undefined) {
      predicate = cfgPredicate(where, scope, this.known);
      this.predicates.set(key, predicate);
    }
    return predicate;
  }

  /**
   * The older members whose bytes `field` of the newest `record` took over under another name
   * or type: the member declared just before it, ending where it starts, of the same type
   * (`pad` → `flags`) or, in a stable record, in the same bytes on every architecture
   * (`foreign_domid` → the union `u`), and so on back.
   */
  predecessors(record: RecordDecl, field: Field): Field[] {
    let chain = this.renamed.get(field);
    if (!chain) {
      chain = [];
      const fields = this.historyRecord(record.name)?.fields ?? [];
      let current = field;
      for (let i = fields.indexOf(field) - 1; i >= 0; i--) {
        const before = fields[i]!;
        if (!current.since || before.until !== current.since) break;
        if (!sameMember(before, current) && (record.namespace !== 'stable' || !this.sameBytes(record.name, before, current))) break;
        chain.push(before);
        current = before;
      }
      this.renamed.set(field, chain);
    }
    return chain;
  }

  /**
   * Whether `before` (in the release before `after.since`) and `after` (from `after.since`)
   * occupy the same bytes of `record`: the same offset and size on every architecture the
   * record has in both releases. Only named members of the record itself are compared.
   */
  private sameBytes(record: string, before: Field, after: Field): boolean {
    const at = after.since;
    const previous = at ? this.known[this.known.indexOf(at) - 1] : undefined;
    if (!at || !previous || !before.name || !after.name) return false;
    const older = this.layouts(previous);
    const newer = this.layouts(at);
    return ARCHES.every((arch) => {
      const a = older.get(arch);
      const b = newer.get(arch);
      if (!a?.has(record) || !b?.has(record)) return true;
      const x = a.record(record).fields.find((f) => f.name === before.name);
      const y = b.record(record).fields.find((f) => f.name === after.name);
      return x !== undefined && y !== undefined && x.offset === y.offset && x.size === y.size;
    });
  }

  /** Whether `field` of the newest `record` (or a member it renamed) exists in `release`. */
  fieldIn(record: RecordDecl, field: Field, release: string): boolean {
    return existsIn(field, release) || this.predecessors(record, field).some((p) => existsIn(p, release));
  }

  /**
   * Checks that every member the history gives a stable record in `releases` is a member of
   * the newest record or one it renamed: a member Xen dropped could only be declared under
   * `not(feature = …)`, which no additive feature set can express.
   */
  assertRepresentable(record: RecordDecl, releases: readonly string[]): void {
    for (const f of this.lostMembers(record)) {
      if (releases.some((r) => existsIn(f, r))) throw new Error(`rust emitter: ${record.name}.${f.name} left Xen in ${f.until} with no member of the same type taking its place; the crate cannot declare the older layout additively`);
    }
  }

  /**
   * The release from which the newest `record` describes every release the features can
   * select: after the last member it lost (one Xen dropped or changed the type of, such as
   * a 32-bit register that became 64 bits), or undefined when it lost none among the known
   * releases.
   */
  representableFrom(record: RecordDecl): string | undefined {
    let from: string | undefined;
    for (const f of this.lostMembers(record)) {
      if (!f.until || !this.known.some((r) => existsIn(f, r))) continue;
      if (!from || compareReleases(f.until, from) > 0) from = f.until;
    }
    return from;
  }

  /**
   * The members of the history's `record` to declare in Rust: the newest record's, and the
   * padding members it lost among the known releases (`keepRetypedPadding`), in the history's
   * order; `record.fields` itself when it lost none.
   */
  rustMembers(record: RecordDecl): readonly Field[] {
    const lost = this.lostMembers(record).filter((f) => f.padding && this.known.some((r) => existsIn(f, r)));
    if (lost.length === 0) return record.fields;
    const kept = new Set([...record.fields, ...lost]);
    return this.historyRecord(record.name)!.fields.filter((f) => kept.has(f));
  }

  /** Members the history gives `record` that are neither in the newest record nor renamed by one of its members. */
  private lostMembers(record: RecordDecl): Field[] {
    const kept = new Set(record.fields.flatMap((f) => [f, ...this.predecessors(record, f)]));
    return (this.historyRecord(record.name)?.fields ?? []).filter((f) => !kept.has(f));
  }

  /** The declaration of a record that exists in the newest release, as the history has it. */
  private historyRecord(name: string): RecordDecl | undefined {
    if (!this.historyRecords) {
      this.historyRecords = new Map();
      for (const r of this.history.records) if (existsIn(r, this.newest.release)) this.historyRecords.set(r.name, r);
    }
    return this.historyRecords.get(name);
  }
}

/**
 * Rust declares a member that took over an older member's bytes under its newest name and type
 * in every release of the chain (`predecessors`). A record type such a member has (the union
 * `xen_add_to_physmap_batch_extra`, which replaced a `domid_t` in 4.7) must then exist from the
 * chain's first release on too: returns the history and the newest release with those records
 * (and the records declared inline in them) starting there. Layouts do not change.
 */
export function widenChainedTypes(history: AbiModel, newest: ReleaseModel): { history: AbiModel; newest: ReleaseModel } {
  const probe = new RustReleases(history, newest);
  const starts = new Map<string, string>();
  for (const record of newest.records) {
    if (record.namespace !== 'stable') continue;
    for (const field of record.fields) {
      const chain = probe.predecessors(record, field);
      const first = chain.at(-1)?.since ?? record.since;
      const target = chain.length ? recordTypeOf(field.type) : undefined;
      const decl = target ? newest.records.find((r) => r.name === target) : undefined;
      if (decl && compareReleases(decl.since, first) > 0) starts.set(decl.name, first);
    }
  }
  if (starts.size === 0) return { history, newest };
  const widen = (r: RecordDecl): RecordDecl => {
    const start = starts.get(r.name) ?? (r.parent ? starts.get(r.parent) : undefined);
    return start ? { ...r, since: start } : r;
  };
  return { history: { ...history, records: history.records.map(widen) }, newest: { ...newest, records: newest.records.map(widen) } };
}

/**
 * A padding member Xen retyped or resized (`vcpu_time_info.pad1`: `int8_t[3]` in 4.6, then
 * `uint8_t[2]` after 4.7's new `flags`) has no successor, but also no meaning: like a hole,
 * whose bytes it holds, it is declared where it exists, under the features of its releases
 * (`not(feature = "xen-4-7")`), beside the newer members under theirs, so the record need not
 * be narrowed. That is as additive as the crate's holes are: a program reads no meaning from
 * either and zeroes both through `Default`. Returns the newest release with each stable
 * record's lost padding members put back in the history's order; layouts do not change.
 */
export function keepRetypedPadding(history: AbiModel, newest: ReleaseModel): ReleaseModel {
  const probe = new RustReleases(history, newest);
  let changed = false;
  const records = newest.records.map((r) => {
    if (r.namespace !== 'stable') return r;
    const fields = probe.rustMembers(r);
    if (fields === r.fields) return r;
    changed = true;
    return { ...r, fields: [...fields] };
  });
  return changed ? { ...newest, records } : newest;
}

/**
 * A stable record that lost a member to a change of type has no declaration that holds in
 * the releases before the change and stays additive: the older member could only sit under
 * `not(feature = …)`. The crate declares such a record from the release of its last change on
 * (`representableFrom`), and every record that holds it, or is declared inline in it, from
 * there too, and a ring's shared page (so its `Protocol` impl) from its entries' release: returns
 * the history and the newest release with those records starting there.
 * Layouts do not change; a program that supports older releases does without the record.
 */
export function narrowRetypedRecords(history: AbiModel, newest: ReleaseModel): { history: AbiModel; newest: ReleaseModel; narrowed: ReadonlyMap<string, string> } {
  const probe = new RustReleases(history, newest);
  const starts = new Map<string, string>();
  const later = (name: string, release: string) => {
    const record = newest.records.find((r) => r.name === name);
    const current = starts.get(name) ?? record?.since;
    if (!record || (current && compareReleases(release, current) <= 0)) return false;
    starts.set(name, release);
    return true;
  };
  for (const record of newest.records) {
    const from = record.namespace === 'stable' ? probe.representableFrom(record) : undefined;
    if (from) later(record.name, from);
  }
  for (let changed = starts.size > 0; changed; ) {
    changed = false;
    for (const record of newest.records) {
      for (const name of heldRecords(record)) {
        const start = starts.get(name);
        if (start && later(record.name, start)) changed = true;
      }
    }
  }
  if (starts.size === 0) return { history, newest, narrowed: new Map() };
  const narrowed = new Map(newest.records.filter((r) => starts.has(r.name)).map((r) => [r.name, r.since]));
  const narrow = (r: RecordDecl): RecordDecl => {
    const start = starts.get(r.name);
    return start ? { ...r, since: start } : r;
  };
  return { history: { ...history, records: history.records.map(narrow) }, newest: { ...newest, records: newest.records.map(narrow) }, narrowed };
}

/**
 * The records `record` cannot be declared without: its members' record types, the record it is
 * declared inline in, and for a ring's shared page its entry union, request and response (the
 * `Protocol` impl names them, though the entries are no member of the page's record).
 */
function heldRecords(record: RecordDecl): string[] {
  const held = record.fields.map((f) => recordTypeOf(f.type)).filter((n): n is string => n !== undefined);
  const ring = record.ring ? [record.ring.entry, record.ring.request, record.ring.response] : [];
  return [...held, ...ring, ...(record.parent ? [record.parent] : [])];
}

function recordTypeOf(type: Field['type']): string | undefined {
  if (type.kind === 'array') return recordTypeOf(type.element);
  return type.kind === 'record' ? type.name : undefined;
}

function sameMember(a: Field, b: Field): boolean {
  return JSON.stringify([a.type, a.bitWidth, a.archs]) === JSON.stringify([b.type, b.bitWidth, b.archs]);
}

/** Whether `where` (⊆ `scope`) is all of `scope`. */
function covers(where: Presence, scope: Presence): boolean {
  if (where.size !== scope.size) return false;
  for (const [a, releases] of scope) if (where.get(a)?.length !== releases.length) return false;
  return true;
}

function presenceKey(p: Presence): string {
  let key = '';
  for (const [a, releases] of p) key += `${a}:${releases.join(',')};`;
  return key;
}

/** Everywhere `archs` meet `releases` (the array is shared, not copied). */
export function presence(archs: readonly Arch[], releases: readonly string[]): Presence {
  return new Map(ARCHES.filter((a) => archs.includes(a)).map((a) => [a, releases]));
}

/** A presence built up piece by piece: the union of what is added. */
export class PresenceSet {
  /** Per architecture, the release lists added (most are shared arrays, so this stays small). */
  private readonly lists = new Map<Arch, Set<readonly string[]>>();

  add(archs: readonly Arch[], releases: readonly string[]): this {
    for (const a of archs) {
      let set = this.lists.get(a);
      if (!set) this.lists.set(a, (set = new Set()));
      set.add(releases);
    }
    return this;
  }

  get empty(): boolean {
    return this.lists.size === 0;
  }

  get archs(): Arch[] {
    return ARCHES.filter((a) => this.lists.has(a));
  }

  /** The presence, releases in `known` order. */
  presence(known: readonly string[]): Presence {
    return new Map(
      this.archs.map((a) => {
        const lists = [...this.lists.get(a)!];
        if (lists.length === 1) return [a, lists[0]!];
        const all = new Set(lists.flat());
        return [a, known.filter((r) => all.has(r))];
      }),
    );
  }
}

/**
 * The `cfg` predicate true exactly where `where` holds, for code inside `scope` (`where` ⊆
 * `scope`); "" when it holds wherever the scope does. `known` orders the releases.
 */
export function cfgPredicate(where: Presence, scope: Presence, known: readonly string[]): string {
  const groups = new Map<string, { archs: Arch[]; releases: readonly string[] }>();
  for (const a of ARCHES) {
    const releases = where.get(a);
    if (!releases?.length) continue;
    const key = releases.join(' ');
    const g = groups.get(key);
    if (g) g.archs.push(a);
    else groups.set(key, { archs: [a], releases });
  }
  if (groups.size === 0) throw new Error('rust emitter: a cfg needs somewhere to hold');
  const scopeArchs = ARCHES.filter((a) => scope.get(a)?.length);
  const parts = [...groups.values()].map((g) => {
    const domain = known.filter((r) => g.archs.some((a) => scope.get(a)?.includes(r)));
    return { archs: g.archs, release: releasePredicate(g.releases, domain, known) };
  });
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only) return allOf([scopeArchs.every((a) => only.archs.includes(a)) ? '' : archPredicate(only.archs), only.release]);
  return anyOf(parts.flatMap((p) => (p.release ? [allOf([archPredicate(p.archs), p.release])] : p.archs.map((a) => archPredicate([a])))));
}

/**
 * The feature predicate true for the releases of `set` among those of `domain` (both oldest
 * first, `set` ⊆ `domain`): "" for all of them; each run of consecutive releases is bounded
 * below by its first release's feature and above by `not` of the next release's.
 */
export function releasePredicate(set: readonly string[], domain: readonly string[], known: readonly string[]): string {
  if (set.length === 0) throw new Error('rust emitter: a release predicate needs a release');
  if (set.length === domain.length) return '';
  const members = new Set(set);
  const runs: string[][] = [];
  domain.forEach((r, i) => {
    if (!members.has(r)) return;
    if (i > 0 && members.has(domain[i - 1]!)) runs.at(-1)!.push(r);
    else runs.push([r]);
  });
  return anyOf(
    runs.map((run) => {
      const first = run[0]!;
      const last = run.at(-1)!;
      const next = known[known.indexOf(last) + 1];
      return allOf([first === domain[0] ? '' : featurePredicate(first), last === domain.at(-1) || !next ? '' : `not(${featurePredicate(next)})`]);
    }),
  );
}

/** Releases as a reader says them: `Xen 4.11 on`, `Xen 4.8 to 4.10`, `Xen 4.15`. */
export function releaseSpan(releases: readonly string[], known: readonly string[]): string {
  const first = releases[0]!;
  const last = releases.at(-1)!;
  if (last === known.at(-1) && first !== last) return `Xen ${first} on`;
  return first === last ? `Xen ${first}` : `Xen ${first} to ${last}`;
}

/** Something that holds on one architecture in a run of releases. */
export interface Unit {
  releases: readonly string[];
  arch: Arch;
}

/** Units grouped by a value, in order of first appearance: where each value holds. */
export function groupUnits<U extends Unit, T>(units: readonly U[], value: (unit: U) => T, key: (v: T) => string = (v) => JSON.stringify(v)): { where: PresenceSet; value: T; units: U[] }[] {
  const groups = new Map<string, { where: PresenceSet; value: T; units: U[] }>();
  for (const u of units) {
    const v = value(u);
    const k = key(v);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { where: new PresenceSet(), value: v, units: [] }));
    g.where.add([u.arch], u.releases);
    g.units.push(u);
  }
  return [...groups.values()];
}
