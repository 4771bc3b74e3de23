/**
 * `duplicate-op`: within an op set, two ops never share a number in any release on any arch,
 * or Xen's dispatcher could not tell them apart.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ConstantDecl } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { constantValueAt, EMPTY, formatScope, memberConstants, releaseRuns, runPairs, type Scope, scopesOf } from '../scope.js';

const RULE = 'duplicate-op';

export const duplicateOp: ValidationPass = {
  id: RULE,
  description: 'Ops of one op set have distinct numbers in every release and on every arch.',
  run(model) {
    const scopes = scopesOf(model);
    const { index } = scopes;
    const diagnostics: Diagnostic[] = [];
    for (const set of model.sets) {
      if (set.kind !== 'ops') continue;
      const next = memberConstants(set, model, index);
      const constants = (set.ops ?? []).map((o) => next(o.constant)).filter((c): c is ConstantDecl => !!c);
      const clashes = new Map<string, { first: ConstantDecl; second: ConstantDecl; value: bigint; scope: Scope }>();
      for (const { release, arch, where } of runPairs(releaseRuns([set, ...constants]), scopes.item(set))) {
        const byValue = new Map<bigint, ConstantDecl>();
        for (const c of constants) {
          const value = constantValueAt(c, release, arch, scopes);
          if (value === undefined) continue;
          const first = byValue.get(value);
          if (!first) {
            byValue.set(value, c);
            continue;
          }
          const key = `${first.name}|${c.name}|${value}`;
          const clash = clashes.get(key) ?? { first, second: c, value, scope: EMPTY };
          clash.scope |= where;
          clashes.set(key, clash);
        }
      }
      for (const { first, second, value, scope } of clashes.values()) {
        diagnostics.push(
          error(RULE, second.loc, `${set.name}.${second.name}`, `op number ${value} of ${second.name} is already ${first.name}'s in op set ${set.name} (${formatScope(scope)})`),
        );
      }
    }
    return diagnostics;
  },
};
