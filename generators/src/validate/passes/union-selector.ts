/**
 * `union-selector`: a record's union selectors name members that exist: the union is a member
 * of the record holding a union, `by` is another member of it, each arm names a member of the
 * union and constants that exist, and says when it is in use in exactly one way (`values`,
 * `flag` or `otherwise`); one arm at most is `otherwise`, and without `by` the only arm is.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RecordDecl, SelectedArm, UnionSelector } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { indexModel, type ModelIndex, recordOf } from '../scope.js';

const RULE = 'union-selector';

export const unionSelector: ValidationPass = {
  id: RULE,
  description: 'A union selector names the record\'s union and selecting member, the union\'s members and existing constants, each arm in one way.',
  run(model) {
    const index = indexModel(model);
    return model.records.flatMap((record) => (record.selectors ?? []).flatMap((s) => selectorProblems(record, s, index).map((m) => error(RULE, record.loc, `${record.name}.${s.union}`, m))));
  },
};

function selectorProblems(record: RecordDecl, selector: UnionSelector, index: ModelIndex): string[] {
  const member = record.fields.find((f) => f.name === selector.union);
  const union = member ? index.records.get(recordOf(member.type, index) ?? '') : undefined;
  if (!member) return [`${record.name} has no member \`${selector.union}\` to select a union member of`];
  if (union?.kind !== 'union' || member.type.kind === 'array') return [`\`${selector.union}\` of ${record.name} is not a union, so nothing selects among its members`];
  const problems: string[] = [];
  if (selector.by !== undefined && (selector.by === selector.union || !record.fields.some((f) => f.name === selector.by))) {
    problems.push(`selecting member \`${selector.by}\` is not another member of ${record.name}`);
  }
  if (!selector.arms.length) problems.push('a selector needs at least one arm');
  if (selector.arms.filter((a) => a.otherwise).length > 1) problems.push('only one arm may be `otherwise`');
  if (selector.by === undefined && (selector.arms.length !== 1 || !selector.arms[0]!.otherwise)) problems.push('without `by`, the only arm must be `otherwise`: the member that always carries the bytes');
  for (const arm of selector.arms) problems.push(...armProblems(union, arm, index));
  return problems;
}

function armProblems(union: RecordDecl, arm: SelectedArm, index: ModelIndex): string[] {
  const problems: string[] = [];
  if (!union.fields.some((f) => f.name === arm.member)) problems.push(`${union.name} has no member \`${arm.member}\``);
  const ways = [arm.values !== undefined, arm.flag !== undefined, arm.otherwise === true].filter(Boolean).length;
  if (ways !== 1) problems.push(`arm \`${arm.member}\` must say when it is in use in exactly one way: values, flag or otherwise`);
  if (arm.values !== undefined && !arm.values.length) problems.push(`arm \`${arm.member}\` lists no values`);
  for (const c of [...(arm.values ?? []), ...(arm.flag ? [arm.flag] : [])]) {
    if (!index.constants.has(c)) problems.push(`arm \`${arm.member}\` names the unknown constant ${c}`);
  }
  return problems;
}
