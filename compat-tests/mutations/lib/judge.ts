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
    result = checkAbi(base, sideOfView(m.apply(view), `mutant ${m.id}`));
  } catch (error) {
    return { mutation: m, ok: false, problem: `the mutant could not be checked: ${(error as Error).message}`, reported: [] };
  }
  return judge(m, result.findings);
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
