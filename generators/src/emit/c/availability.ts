/**
 * C view-model, availability: which Xen release a header's declarations follow, and in which
 * of the releases it can follow each item and member exists.
 *
 * A stable header follows `XENABI_XEN_MIN_VERSION`, the oldest release the includer supports
 * (default: the newest): it declares the items of the newest release that this release
 * already had, each as this release had it (its members, constant values and layout). An
 * unstable header follows the interface version the includer asked for: it declares what the
 * newest release with that interface version had. Either way the header follows one release;
 * this module computes, from the model as each release has it and the layout engine's tables
 * per release, in which of the selectable releases each item, member and check holds, and
 * spells that as a condition (`XENABI_XEN_MIN_VERSION >= 0x040b00`,
 * `XENABI_WANT_XEN_DOMCTL_INTERFACE_VERSION >= 0x00000013`).
 */
import type { ArchLayout, RecordLayout } from '../../layout/engine.js';
import { ARCHES } from '../../model/arch.js';
import { compareReleases, existsIn, releaseHex, XEN_RELEASES } from '../../model/releases.js';
import type { AbiModel, AliasDecl, Arch, ConstantDecl, ConstantSetDecl, Field, Gate, ModuleDecl, RecordDecl } from '../../model/types.js';
import { releaseHistory, type ReleaseHistory } from '../../select/history.js';
import type { ReleaseModel } from '../../select/release.js';
import { interfaceVersionLiteral, MIN_VERSION_MACRO, releaseCondition, selectedReleaseMacro, wantMacro } from './names.js';

/**
 * The model as each release has it, and its layouts, computed once per emit; and where each
 * item changes, so that what depends on an item is computed once per run of releases that
 * see it alike (`segments`) rather than once per release.
 */
export class Releases {
  private readonly shared: ReleaseHistory;
  private readonly orders = new Map<string, ReadonlySet<string>>();
  private readonly indexes = new Map<string, ViewIndex>();
  /** Runs by the list of releases asked about (an item's `alive` list, asked again per architecture) and name. */
  private readonly runs = new WeakMap<readonly string[], Map<string, string[][]>>();
  private items: Map<string, HistoryItem> | undefined;
  private setMembers: Map<string, ReadonlySet<string>> | undefined;

  /** `history` is the whole model; `newest` the release being emitted. */
  constructor(
    readonly history: AbiModel,
    readonly newest: ReleaseModel,
  ) {
    this.shared = releaseHistory(history);
  }

  /** Every release up to the one being emitted, oldest first. */
  get known(): string[] {
    return XEN_RELEASES.filter((r) => compareReleases(r, this.newest.release) <= 0);
  }

  /** The model as `release` has it: the view being emitted for the newest (its empty modules left out). */
  view(release: string): ReleaseModel {
    return release === this.newest.release ? this.newest : this.shared.view(release);
  }

  /** The layouts of `release` on `arch`, shared with the other emitters (`select/history.ts`). */
  layout(release: string, arch: Arch): ArchLayout {
    return this.shared.layout(release, arch);
  }

  /** The names module `module` declares in `release` (its `order` as that release has it). */
  declared(release: string, module: string): ReadonlySet<string> {
    const key = `${release}/${module}`;
    let names = this.orders.get(key);
    if (!names) {
      names = new Set(this.view(release).modules.find((m) => m.name === module)?.order);
      this.orders.set(key, names);
    }
    return names;
  }

  /** The first declaration of `name` in module `module` in the history: records, then typedefs, constants, sets. */
  historyItem(module: string, name: string): HistoryItem | undefined {
    if (!this.items) {
      this.items = new Map();
      const h = this.history;
      for (const item of [...h.records, ...h.aliases, ...h.constants, ...h.sets]) {
        const key = `${item.module}/${item.name}`;
        const before = this.items.get(key);
        if (!before) this.items.set(key, item);
        // A typedef spelled per architecture is one item on the architectures of all its spellings.
        else if (before.kind === 'alias' && item.kind === 'alias' && before.archs && item.archs) this.items.set(key, { ...before, archs: mergeArchs(before.archs, item.archs) });
      }
    }
    return this.items.get(`${module}/${name}`);
  }

  /** The names of the constants of set `set`, in any release. */
  setConstants(set: string): ReadonlySet<string> {
    if (!this.setMembers) {
      const members = new Map<string, Set<string>>();
      for (const c of this.history.constants) {
        if (c.set === undefined) continue;
        let names = members.get(c.set);
        if (!names) members.set(c.set, (names = new Set()));
        names.add(c.name);
      }
      this.setMembers = members;
    }
    return this.setMembers.get(set) ?? new Set();
  }

  /** The items of `release` by name: the first declaration of each, as `find` over the view would give. */
  lookup(release: string): ViewIndex {
    let index = this.indexes.get(release);
    if (!index) {
      const view = this.view(release);
      const first = <T extends { name: string }>(items: readonly T[], key: (item: T) => string = (i) => i.name): Map<string, T> => {
        const map = new Map<string, T>();
        for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
        return map;
      };
      index = { records: first(view.records), aliases: first(view.aliases), constants: first(view.constants, (c) => `${c.module}/${c.name}`) };
      this.indexes.set(release, index);
    }
    return index;
  }

  /** `releases` (oldest first) in runs that see `name`, and everything it depends on, alike. */
  segments(name: string, releases: readonly string[]): string[][] {
    let byName = this.runs.get(releases);
    if (!byName) this.runs.set(releases, (byName = new Map()));
    let runs = byName.get(name);
    if (!runs) {
      runs = this.shared.changePoints().segments(name, releases);
      byName.set(name, runs);
    }
    return runs;
  }
}

/** One release's records and typedefs by name, and its constants by `module/name`. */
export interface ViewIndex {
  records: ReadonlyMap<string, RecordDecl>;
  aliases: ReadonlyMap<string, AliasDecl>;
  constants: ReadonlyMap<string, ConstantDecl>;
}

/** Any item a module's declaration order names. */
export type HistoryItem = RecordDecl | AliasDecl | ConstantDecl | ConstantSetDecl;

/** One interface version of an unstable module and the release whose declarations it selects. */
export interface InterfaceVersionChoice {
  /** @example "0x00000017" */
  literal: string;
  /** The newest release with that interface version. @example "4.21" */
  release: string;
  /** Every release with it. @example ["4.19", "4.20", "4.21"] */
  releases: string[];
}

/** What a header's conditions test, and the releases it can select. */
export interface Selection {
  /** The macro conditions test. @example "XENABI_XEN_MIN_VERSION" */
  macro: string;
  /** The releases the header can follow, oldest first. */
  domain: string[];
  /** How a condition spells a release: `0x040b00`, or for an unstable module its interface version. */
  spell: (release: string) => string;
  /** For an unstable module, its interface versions, oldest first; empty otherwise. */
  versions: InterfaceVersionChoice[];
  /** For an unstable module, the macro it defines to the release it follows; "" otherwise. */
  releaseMacro: string;
}

export function selectionOf(module: ModuleDecl, releases: Releases): Selection {
  // Linux's interface is in every Xen release, so its headers follow the includer's minimum like stable ones.
  if (module.namespace !== 'unstable') return { macro: MIN_VERSION_MACRO, domain: releases.known, spell: releaseHex, versions: [], releaseMacro: '' };
  const versions = interfaceVersions(module, releases);
  const literal = new Map(versions.map((v) => [v.release, v.literal]));
  return {
    macro: wantMacro(module.interfaceVersion?.constant ?? ''),
    domain: versions.map((v) => v.release),
    spell: (release) => literal.get(release) ?? releaseHex(release),
    versions,
    releaseMacro: selectedReleaseMacro(module.name),
  };
}

/** The values the module's interface-version constant took, each with its releases. */
export function interfaceVersions(module: ModuleDecl, releases: Releases): InterfaceVersionChoice[] {
  const name = module.interfaceVersion?.constant;
  if (!name) throw new Error(`unstable module ${module.name} names no interface-version constant`);
  const byValue = new Map<string, string[]>();
  for (const release of releases.known) {
    const c = releases.view(release).constants.find((x) => x.name === name);
    if (c) byValue.set(c.value, [...(byValue.get(c.value) ?? []), release]);
  }
  if (byValue.size === 0) throw new Error(`module ${module.name}: interface-version constant ${name} is not in the model`);
  return [...byValue].map(([value, rels]) => ({ literal: interfaceVersionLiteral(value), release: rels.at(-1) as string, releases: rels }));
}

/** The releases of `selection` whose module `module` declares `name`. */
export function itemAlive(releases: Releases, selection: Selection, module: string, name: string): string[] {
  return selection.domain.filter((r) => releases.declared(r, module).has(name));
}

/**
 * The items a header declares, in declaration order, each with the releases it is declared in.
 * Stable: the newest release's items (an item that left Xen is not offered to a new program),
 * and the records that left but that older members of those items still have as their type
 * (the union member `set_mem_access` of `xen_hvm_altp2m_op`, until 4.12).
 * Unstable: every item any selectable release has, since each interface version is one release.
 */
export function declaredItems(releases: Releases, selection: Selection, module: ModuleDecl): { name: string; alive: string[] }[] {
  const history = releases.history.modules.find((m) => m.name === module.name);
  const names = !history ? module.order : module.namespace === 'stable' ? stableOrder(releases, module, history) : module.namespace === 'linux' ? module.order : history.order;
  return [...new Set(names)]
    .map((name) => ({ name, alive: itemAlive(releases, selection, module.name, name) }))
    .filter((i) => i.alive.length > 0);
}

/** The newest items of a stable module, with the records their older members use, in the history's order. */
function stableOrder(releases: Releases, newest: ModuleDecl, history: ModuleDecl): string[] {
  const kept = new Set(newest.order);
  const live = new Set(releases.newest.records.filter((r) => r.module === newest.name).map((r) => r.name));
  for (const r of releases.history.records) {
    if (!live.has(r.name)) continue;
    for (const f of r.fields) {
      const target = recordOf(f.type);
      if (target) kept.add(target);
    }
  }
  return history.order.filter((name) => kept.has(name));
}

function recordOf(type: Field['type']): string | undefined {
  if (type.kind === 'array') return recordOf(type.element);
  return type.kind === 'record' ? type.name : undefined;
}

/** The releases of `outer` a member exists in. */
export function fieldAlive(field: Pick<Field, 'since' | 'until'>, outer: readonly string[]): string[] {
  if (!field.since && !field.until) return [...outer];
  return outer.filter((r) => existsIn(field, r));
}

/** The `#if` for something that exists in `set` of the releases `domain` the header can follow; "" when always. */
export function aliveCondition(selection: Selection, set: readonly string[], domain: readonly string[] = selection.domain): string {
  let spelled = spelledConditions.get(selection);
  if (!spelled) spelledConditions.set(selection, (spelled = new Map()));
  const key = `${set.join(' ')}|${domain === selection.domain ? '' : domain.join(' ')}`;
  let condition = spelled.get(key);
  if (condition === undefined) {
    condition = releaseCondition(selection.macro, set, domain, selection.spell);
    spelled.set(key, condition);
  }
  return condition;
}

/** Conditions already spelled, per selection: most items and members hold in the same few sets of releases. */
const spelledConditions = new WeakMap<Selection, Map<string, string>>();

/** Conditions joined with `&&`, each parenthesised when there are several; empty ones dropped. */
export function allOf(...conditions: string[]): string {
  const parts = conditions.filter(Boolean);
  return parts.length > 1 ? parts.map((p) => `(${p})`).join(' && ') : (parts[0] ?? '');
}

/** The first release a name exists in, as `0xMMmm00`. */
export function sinceHex(releases: Releases, module: string, name: string): string {
  const first = releases.known.find((r) => releases.declared(r, module).has(name));
  if (!first) throw new Error(`module ${module}: ${name} exists in no release`);
  return releaseHex(first);
}

/** One member whose presence depends on the release, by its path from the top-level record. */
export interface MemberAvailability {
  path: string;
  alive: string[];
  /** The first release with the member, when it came after the record and is still there. */
  since?: string;
  archs?: Arch[];
}

/**
 * Members of a top-level record (through inline records) that some of the record's releases
 * lack; a name declared twice (retyped) counts once, present when either is.
 */
export function conditionalMembers(records: Map<string, RecordDecl>, record: RecordDecl, alive: readonly string[]): MemberAvailability[] {
  const out = new Map<string, MemberAvailability>();
  const walk = (r: RecordDecl, prefix: string, outer: readonly string[], archs: Arch[] | undefined): void => {
    for (const f of r.fields) {
      const own = fieldAlive(f, outer);
      if (own.length === 0) continue;
      const path = f.name === '' ? prefix.replace(/\.$/, '') : `${prefix}${f.name}`;
      const fArchs = f.archs ?? archs;
      if (f.name !== '' && own.length < alive.length) {
        const seen = out.get(path);
        const union = alive.filter((x) => own.includes(x) || seen?.alive.includes(x));
        const since = f.since && !f.until && f.since !== record.since ? f.since : seen?.since;
        out.set(path, { path, alive: union, ...(since ? { since } : {}), ...(fArchs ? { archs: fArchs } : {}) });
      }
      const inline = f.type.kind === 'record' ? records.get(f.type.name) : undefined;
      if (inline?.parent === r.name) walk(inline, f.name === '' ? prefix : `${path}.`, own, fArchs);
    }
  };
  walk(record, '', alive, undefined);
  return [...out.values()].filter((m) => m.alive.length < alive.length);
}

/** The gates an item needs in any of its releases: the module's and its own. */
export function itemGates(module: ModuleDecl, item: { gates?: Gate[] }, alive: readonly string[]): Gate[] {
  const all = [...(module.gates ?? []), ...(item.gates ?? [])];
  const live = all.filter((g) => alive.some((r) => existsIn(g, r)));
  return live.filter((g, i) => live.findIndex((x) => x.kind === g.kind && x.name === g.name) === i);
}

/** A gate list as the `XENABI_GATES_` string holds it: `build:CONFIG_ARGO boot:argo=1`. */
export function gatesValue(gates: readonly Gate[]): string {
  return gates.map((g) => `${g.kind}:${g.name}`).join(' ');
}

/**
 * Lines that hold in some releases only, merged in order: a line of several releases is kept
 * once, with every release it holds in. Each release's lines are unique.
 */
export function mergeLines(perRelease: readonly { release: string; lines: readonly string[] }[]): { line: string; releases: string[] }[] {
  const only = perRelease.length === 1 ? perRelease[0] : undefined;
  if (only) return only.lines.map((line) => ({ line, releases: [only.release] }));
  const out: { line: string; releases: string[] }[] = [];
  for (const { release, lines } of perRelease) {
    let at = 0;
    for (const line of lines) {
      const i = out.findIndex((x) => x.line === line);
      if (i >= 0) {
        out[i]?.releases.push(release);
        at = Math.max(at, i + 1);
      } else {
        out.splice(at, 0, { line, releases: [release] });
        at += 1;
      }
    }
  }
  return out;
}

/** Lines with a condition each, as directives: one `#if` per run of equal conditions. */
export function conditionalLines(lines: readonly { line: string; condition: string }[]): string[] {
  const out: string[] = [];
  lines.forEach((l, i) => {
    const before = lines[i - 1]?.condition;
    const after = lines[i + 1]?.condition;
    if (l.condition && before !== l.condition) out.push(`#if ${l.condition}`);
    out.push(l.line);
    if (l.condition && after !== l.condition) out.push('#endif');
  });
  return out;
}

/** The architectures of either list, in `ARCHES` order; undefined when that is all four. */
function mergeArchs(a: readonly Arch[], b: readonly Arch[]): Arch[] | undefined {
  const both = ARCHES.filter((x) => a.includes(x) || b.includes(x));
  return both.length === ARCHES.length ? undefined : both;
}
