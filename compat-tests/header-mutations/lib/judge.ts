/**
 * One header mutant through `xenabi check` in header mode, and the verdict: a breaking
 * mutation is caught when an unwaived error names its target (the item, a member or set of
 * it); a compatible one must raise no error and no warning.
 */
import type { CheckResult, Finding } from '../../../generators/src/check/index.js';
import type { HeaderMutation } from './mutations.js';

export interface Verdict {
  mutation: HeaderMutation;
  ok: boolean;
  /** What the checker said that decided it. */
  evidence: string[];
}

const names = (f: Finding, target: string) => f.item === target || f.item.startsWith(`${target}.`) || (f.itemKind === 'op' && f.item === target);

export function judge(m: HeaderMutation, result: CheckResult): Verdict {
  const live = result.findings.filter((f) => !f.waived);
  const errors = live.filter((f) => f.severity === 'error');
  if (m.verdict === 'breaking') {
    const hits = errors.filter((f) => names(f, m.target ?? ''));
    return { mutation: m, ok: hits.length > 0, evidence: (hits.length ? hits : live).slice(0, 4).map((f) => `${f.severity} ${f.rule} ${f.item}`) };
  }
  const alarms = live.filter((f) => f.severity !== 'note');
  return { mutation: m, ok: alarms.length === 0, evidence: alarms.slice(0, 4).map((f) => `${f.severity} ${f.rule} ${f.item}`) };
}
