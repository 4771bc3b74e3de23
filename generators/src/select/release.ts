/**
 * The model as one Xen release has it: items and fields that exist in that release, each
 * constant with the value it had then. Everything downstream (layout, export, emitters)
 * works on such a view, so "what does 4.17 have" is answered in one place.
 */
import { compareReleases, existsIn } from '../model/releases.js';
import type { AbiModel, ConstantDecl, ConstantSetDecl, FlagMember, RecordDecl } from '../model/types.js';

export interface ReleaseModel extends AbiModel {
  release: string;
}

export function atRelease(model: AbiModel, release: string): ReleaseModel {
  const live = <T extends { since?: string; until?: string }>(item: T) => existsIn(item, release);
  const constants = model.constants.filter(live).map((c) => constantAt(c, release));
  const constantNames = new Set(constants.map((c) => c.name));
  const records = model.records.filter(live).map((r): RecordDecl => ({ ...r, fields: r.fields.filter(live), ...(r.holes ? { holes: r.holes.filter(live) } : {}) }));
  const aliases = model.aliases.filter(live);
  const liveSets = model.sets.filter(live);
  const present = new Set([...records.map((r) => r.name), ...constantNames, ...aliases.map((a) => a.name), ...liveSets.map((s) => s.name)]);
  return {
    ...model,
    release,
    modules: model.modules.map((m) => ({ ...m, order: [...new Set(m.order.filter((n) => present.has(n)))] })),
    records,
    aliases,
    constants,
    sets: liveSets.map((s) => setAt(s, constantNames, liveFlags(s, model, release))),
  };
}

/** The constant with the value (and literal type) it had in `release`; the history is dropped. */
function constantAt(constant: ConstantDecl, release: string): ConstantDecl {
  const { history, ...rest } = constant;
  const past = (history ?? []).filter((h) => compareReleases(h.since, release) <= 0);
  const latest = past.at(-1);
  const cType = past.filter((h) => h.cType).at(-1)?.cType;
  return latest ? { ...rest, value: latest.value, ...(cType ? { cType } : {}) } : rest;
}

function setAt(set: ConstantSetDecl, constants: Set<string>, flags: FlagMember[]): ConstantSetDecl {
  return {
    ...set,
    ...(set.flags ? { flags } : {}),
    ...(set.values ? { values: set.values.filter((v) => constants.has(v)) } : {}),
    ...(set.ops ? { ops: set.ops.filter((o) => constants.has(o.constant)) } : {}),
  };
}

/**
 * The flags whose own mask declaration exists in `release`. The n-th flag naming `X` is the
 * set's n-th constant `X`, so a renumbered flag's two declarations stay apart.
 */
function liveFlags(set: ConstantSetDecl, model: AbiModel, release: string): FlagMember[] {
  const own = new Map<string, ConstantDecl[]>();
  for (const c of model.constants) if (c.set === set.name) own.set(c.name, [...(own.get(c.name) ?? []), c]);
  return (set.flags ?? []).filter((f) => {
    const decl = own.get(f.mask)?.shift();
    return decl ? existsIn(decl, release) : model.constants.some((c) => c.name === f.mask && existsIn(c, release));
  });
}
