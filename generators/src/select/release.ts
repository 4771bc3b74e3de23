/**
 * The model as one Xen release has it: items and fields that exist in that release, each
 * constant with the value it had then. Everything downstream (layout, export, emitters)
 * works on such a view, so "what does 4.17 have" is answered in one place.
 */
import { compareReleases, existsIn } from '../model/releases.js';
import type { AbiModel, ConstantDecl, ConstantSetDecl, FlagMember, OpMember, RecordDecl } from '../model/types.js';

export interface ReleaseModel extends AbiModel {
  release: string;
}

export function atRelease(model: AbiModel, release: string): ReleaseModel {
  const live = <T extends { since?: string; until?: string }>(item: T) => existsIn(item, release);
  const constants = model.constants.filter(live).map((c) => constantAt(c, release));
  const constantNames = new Set(constants.map((c) => c.name));
  const records = model.records.filter(live).map((r) => recordAt(r, live));
  const recordNames = new Set(records.map((r) => r.name));
  const aliases = model.aliases.filter(live);
  const liveSets = model.sets.filter(live);
  const present = new Set([...records.map((r) => r.name), ...constantNames, ...aliases.map((a) => a.name), ...liveSets.map((s) => s.name)]);
  const flagDecls = flagDeclarations(model);
  return {
    ...model,
    release,
    modules: model.modules.map((m) => ({ ...m, order: [...new Set(m.order.filter((n) => present.has(n)))] })),
    records,
    aliases,
    constants,
    sets: liveSets.map((s) => setAt(s, constantNames, recordNames, liveFlags(s, flagDecls, release))),
    ...(model.macros ? { macros: model.macros.filter(live) } : {}),
  };
}

/**
 * The release's view without the modules it has nothing of: Xen's header did not exist yet
 * (`argo.h` before 4.12) or held none of the items declared here. Outputs are per module, so
 * such a module would become an empty header, crate module and TypeScript file; generating a
 * release leaves them out instead. Imports of modules left out are dropped with them: an item
 * of the release can only refer to items of the same release.
 */
export function withoutEmptyModules(view: ReleaseModel): ReleaseModel {
  const kept = view.modules.filter((m) => m.order.length > 0);
  if (kept.length === view.modules.length) return view;
  const names = new Set(kept.map((m) => m.name));
  return { ...view, modules: kept.map((m) => ({ ...m, imports: m.imports.filter((i) => names.has(i)) })) };
}

/**
 * The record with the members and holes it had in `release`: the record itself when it had
 * them all, as most records in most releases do (views share what did not change; the
 * model is not mutated once loaded).
 */
function recordAt(r: RecordDecl, live: (item: { since?: string; until?: string }) => boolean): RecordDecl {
  if (r.fields.every(live) && (!r.holes || r.holes.every(live))) return r;
  return { ...r, fields: r.fields.filter(live), ...(r.holes ? { holes: r.holes.filter(live) } : {}) };
}

/** The constant with the value (and literal type) it had in `release`; the history is dropped. */
function constantAt(constant: ConstantDecl, release: string): ConstantDecl {
  if (!('history' in constant)) return constant;
  const { history, ...rest } = constant;
  const past = (history ?? []).filter((h) => compareReleases(h.since, release) <= 0);
  const latest = past.at(-1);
  const cType = past.filter((h) => h.cType).at(-1)?.cType;
  return latest ? { ...rest, value: latest.value, ...(cType ? { cType } : {}) } : rest;
}

/**
 * The set as `release` has it. An op whose number is older than the payload the registry
 * declares for it (XEN_DOMCTL_get_cpu_policy from 4.12, its record from 4.18) is, before
 * that, an op without a payload, as every language then prints it.
 */
function setAt(set: ConstantSetDecl, constants: Set<string>, records: Set<string>, flags: FlagMember[]): ConstantSetDecl {
  const payloadAt = (o: OpMember): OpMember => (o.record && !records.has(o.record) ? { constant: o.constant } : o);
  return {
    ...set,
    ...(set.flags ? { flags } : {}),
    ...(set.values ? { values: set.values.filter((v) => constants.has(v)) } : {}),
    ...(set.ops ? { ops: set.ops.filter((o) => constants.has(o.constant)).map(payloadAt) } : {}),
  };
}

/** Where a flag's mask may be declared: every constant by name, and each set's own constants by name, in model order. */
interface FlagDeclarations {
  byName: Map<string, ConstantDecl[]>;
  bySet: Map<string, Map<string, ConstantDecl[]>>;
}

function flagDeclarations(model: AbiModel): FlagDeclarations {
  const byName = new Map<string, ConstantDecl[]>();
  const bySet = new Map<string, Map<string, ConstantDecl[]>>();
  const add = (map: Map<string, ConstantDecl[]>, c: ConstantDecl) => {
    const list = map.get(c.name);
    if (list) list.push(c);
    else map.set(c.name, [c]);
  };
  for (const c of model.constants) {
    add(byName, c);
    if (c.set === undefined) continue;
    let own = bySet.get(c.set);
    if (!own) bySet.set(c.set, (own = new Map()));
    add(own, c);
  }
  return { byName, bySet };
}

/**
 * The flags whose own mask declaration exists in `release`. The n-th flag naming `X` is the
 * set's n-th constant `X`, so a renumbered flag's two declarations stay apart.
 */
function liveFlags(set: ConstantSetDecl, decls: FlagDeclarations, release: string): FlagMember[] {
  const own = decls.bySet.get(set.name);
  const taken = new Map<string, number>();
  return (set.flags ?? []).filter((f) => {
    const n = taken.get(f.mask) ?? 0;
    taken.set(f.mask, n + 1);
    const decl = own?.get(f.mask)?.[n];
    return decl ? existsIn(decl, release) : (decls.byName.get(f.mask) ?? []).some((c) => existsIn(c, release));
  });
}
