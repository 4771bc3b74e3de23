/**
 * Runs a mutation through `xenabi check` and judges the result against what the mutation
 * expects: the base is the unmutated view, the head the mutant, each turned into a side the
 * way `loadSide` turns an `abi/` directory into one.
 */
import { checkAbi, sideFromLoadedModel, type AbiSide, type CheckResult, type Finding } from '../../../generators/src/check/index.js';
import type { View } from './edit.js';
import type { ExpectedFinding, Mutation } from './types.js';

export interface Judgement {
  mutation: Mutation;
  ok: boolean;
  /** What was wrong, for the failure list. */
  problem?: string;
  /** Findings that count for the verdict: errors and warnings, as `SEVERITY RULE item`. */
  reported: string[];
}

export function sideOfView(view: View, label: string): AbiSide {
  return sideFromLoadedModel(view, { release: view.release, label });
}

export function runMutation(base: AbiSide, view: View, m: Mutation): Judgement {
  let result: CheckResult;
  try {
    const mutant = m.apply(view);
    const scope = scopeOf(view, mutant);
    result = checkAbi(restrictSide(base, scope), sideOfView(restrictView(mutant, scope), `mutant ${m.id}`));
  } catch (error) {
    return { mutation: m, ok: false, problem: `the mutant could not be checked: ${(error as Error).message}`, reported: [] };
  }
  return judge(m, result.findings);
}

type Item = { name: string; module: string };

/**
 * The modules a check of `mutant` against `view` needs: those holding an item that differs,
 * every module that uses one of those (transitively, so a finding in a dependent record is
 * still seen), and the modules all of these import, which their layouts need. A mutation
 * touches one item, so the check no longer grows with the whole registry.
 */
export function scopeOf(view: View, mutant: View): Set<string> {
  const changed = new Set<string>();
  const lists = (v: View): Item[][] => [v.records, v.aliases, v.constants, v.sets, v.macros ?? []];
  lists(view).forEach((before, i) => {
    const after = lists(mutant)[i] as Item[];
    if (before === after) return;
    const key = (x: Item) => `${x.module}/${x.name}`;
    const old = new Map(before.map((x) => [key(x), x]));
    const now = new Map(after.map((x) => [key(x), x]));
    for (const [k, x] of now) if (old.get(k) !== x && JSON.stringify(old.get(k)) !== JSON.stringify(x)) changed.add(x.module);
    for (const [k, x] of old) if (!now.has(k)) changed.add(x.module);
  });
  const modules = new Map(mutant.modules.map((mod) => [mod.name, mod]));
  for (const mod of view.modules) {
    const after = modules.get(mod.name);
    if (!after || JSON.stringify(after) !== JSON.stringify(mod)) changed.add(mod.name);
  }
  for (const mod of mutant.modules) if (!view.modules.some((x) => x.name === mod.name)) changed.add(mod.name);
  const users = [...view.modules, ...mutant.modules];
  for (let grew = true; grew; ) {
    grew = false;
    for (const mod of users) if (!changed.has(mod.name) && mod.imports.some((i) => changed.has(i))) grew = changed.add(mod.name) !== undefined;
  }
  const scope = new Set(changed);
  for (let grew = true; grew; ) {
    grew = false;
    for (const mod of users) if (scope.has(mod.name)) for (const i of mod.imports) if (!scope.has(i)) grew = scope.add(i) !== undefined;
  }
  return scope;
}

/** The view with only the items of the modules in `scope`. */
export function restrictView(view: View, scope: ReadonlySet<string>): View {
  const keep = <T extends { module: string }>(items: readonly T[]) => items.filter((x) => scope.has(x.module));
  return { ...view, modules: view.modules.filter((m) => scope.has(m.name)), records: keep(view.records), aliases: keep(view.aliases), constants: keep(view.constants), sets: keep(view.sets), ...(view.macros ? { macros: keep(view.macros) } : {}) };
}

/** A side with only the items of the modules in `scope`. */
export function restrictSide(side: AbiSide, scope: ReadonlySet<string>): AbiSide {
  const keep = <T extends { module: string }>(items: Record<string, T>) => Object.fromEntries(Object.entries(items).filter(([, x]) => scope.has(x.module)));
  const modules = Object.fromEntries(Object.entries(side.modules).filter(([name]) => scope.has(name)));
  return { ...side, records: keep(side.records), aliases: keep(side.aliases), constants: keep(side.constants), sets: keep(side.sets), macros: keep(side.macros), modules };
}

const show = (f: Finding) => `${f.severity} ${f.rule} ${f.item}`;
const matches = (f: Finding, e: ExpectedFinding) => f.rule === e.rule && (!e.item || f.item === e.item);

export function judge(m: Mutation, findings: readonly Finding[]): Judgement {
  const live = findings.filter((f) => !f.waived);
  const errors = live.filter((f) => f.severity === 'error');
  const warnings = live.filter((f) => f.severity === 'warning');
  const reported = [...errors, ...warnings].map(show);
  const want = m.verdict === 'breaking' ? 'error' : m.verdict === 'review' ? 'warning' : 'note';
  const missing = m.expect.filter((e) => !live.some((f) => f.severity === want && matches(f, e)));
  const describe = (e: ExpectedFinding) => `${want} ${e.rule}${e.item ? ` ${e.item}` : ''}`;
  let problem: string | undefined;
  if (missing.length) problem = `missing ${missing.map(describe).join(', ')}`;
  else if (m.verdict !== 'breaking' && errors.length) problem = `false alarm: ${errors.map(show).join(', ')}`;
  else if (m.verdict === 'compatible' && warnings.length) problem = `unexpected warning: ${warnings.map(show).join(', ')}`;
  return { mutation: m, ok: !problem, ...(problem ? { problem } : {}), reported };
}
