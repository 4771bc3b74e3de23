/**
 * The model as one Xen release has it: items and fields that exist in that release, each
 * constant with the value it had then. Everything downstream (layout, export, emitters)
 * works on such a view, so "what does 4.17 have" is answered in one place.
 */
import { compareReleases, existsIn } from '../model/releases.js';
import type { AbiModel, ConstantDecl, ConstantSetDecl, RecordDecl } from '../model/types.js';

export interface ReleaseModel extends AbiModel {
  release: string;
}

export function atRelease(model: AbiModel, release: string): ReleaseModel {
  const live = <T extends { since?: string; until?: string }>(item: T) => existsIn(item, release);
  const constants = model.constants.filter(live).map((c) => constantAt(c, release));
  const constantNames = new Set(constants.map((c) => c.name));
  const records = model.records.filter(live).map((r): RecordDecl => ({ ...r, fields: r.fields.filter(live) }));
  const present = new Set([...records.map((r) => r.name), ...constantNames]);
  return {
    ...model,
    release,
    modules: model.modules.map((m) => ({ ...m, order: m.order.filter((n) => present.has(n) || model.sets.some((s) => s.name === n)) })),
    records,
    aliases: model.aliases.filter(live),
    constants,
    sets: model.sets.filter(live).map((s) => setAt(s, constantNames)),
  };
}

/** The constant with the value it had in `release`; the history is dropped. */
function constantAt(constant: ConstantDecl, release: string): ConstantDecl {
  const { history, ...rest } = constant;
  const latest = (history ?? []).filter((h) => compareReleases(h.since, release) <= 0).at(-1);
  return latest ? { ...rest, value: latest.value } : rest;
}

function setAt(set: ConstantSetDecl, constants: Set<string>): ConstantSetDecl {
  return {
    ...set,
    ...(set.flags ? { flags: set.flags.filter((f) => constants.has(f.mask)) } : {}),
    ...(set.values ? { values: set.values.filter((v) => constants.has(v)) } : {}),
    ...(set.ops ? { ops: set.ops.filter((o) => constants.has(o.constant)) } : {}),
  };
}
