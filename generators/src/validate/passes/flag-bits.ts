/**
 * `flag-bits`: in a flag set each flag owns one bit: its mask is `1 << bit`, its bit-number
 * constant (Xen's `_XEN_FOO`) equals `bit`, and no two flags share a bit, in any release
 * on any arch.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AbiModel, ConstantDecl, ConstantSetDecl, FlagMember } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';
import { constantValueAt, EMPTY, formatScope, memberConstants, type ModelIndex, releaseRuns, runPairs, type Scope, type Scopes, scopesOf } from '../scope.js';

const RULE = 'flag-bits';

interface Finding {
  flag: FlagMember;
  problem: string;
  scope: Scope;
}

export const flagBits: ValidationPass = {
  id: RULE,
  description: 'Each flag of a flag set has mask 1 << bit, a bit constant equal to bit, and a mask overlapping no other flag.',
  run(model) {
    const scopes = scopesOf(model);
    return model.sets.filter((s) => s.kind === 'flags').flatMap((set) => check(set, model, scopes.index, scopes));
  },
};

function check(set: ConstantSetDecl, model: AbiModel, index: ModelIndex, scopes: Scopes): Diagnostic[] {
  const next = memberConstants(set, model, index);
  const members = (set.flags ?? []).map((flag) => {
    const bit = flag.bitConstant ? next(flag.bitConstant) : undefined;
    return { flag, bit, mask: next(flag.mask) };
  });
  const findings = new Map<string, Finding>();
  const note = (flag: FlagMember, problem: string, where: Scope) => {
    const key = `${flag.mask}|${problem}`;
    const finding = findings.get(key) ?? { flag, problem, scope: EMPTY };
    finding.scope |= where;
    findings.set(key, finding);
  };
  const runs = releaseRuns([set, ...members.flatMap((m) => [m.mask, m.bit]).filter((c): c is ConstantDecl => !!c)]);
  for (const { release, arch, where } of runPairs(runs, scopes.item(set))) {
    const taken: { flag: FlagMember; mask: bigint }[] = [];
    for (const { flag, mask, bit } of members) {
      const maskValue = mask && constantValueAt(mask, release, arch, scopes);
      if (maskValue === undefined || !Number.isInteger(flag.bit) || flag.bit < 0) continue;
      const expected = 1n << BigInt(flag.bit);
      if (maskValue !== expected) note(flag, `mask ${flag.mask} is ${hex(maskValue)}, not 1 << ${flag.bit} (${hex(expected)})`, where);
      const bitValue = bit && constantValueAt(bit, release, arch, scopes);
      if (bitValue !== undefined && bitValue !== BigInt(flag.bit)) note(flag, `bit constant ${flag.bitConstant} is ${bitValue}, not ${flag.bit}`, where);
      const owner = taken.find((t) => (t.mask & maskValue) !== 0n);
      if (owner) note(flag, `mask ${flag.mask} (${hex(maskValue)}) overlaps ${owner.flag.mask} (${hex(owner.mask)})`, where);
      taken.push({ flag, mask: maskValue });
    }
  }
  return [...findings.values()].map(({ flag, problem, scope }) => {
    const loc = members.find((m) => m.flag === flag)?.mask?.loc ?? set.loc;
    return error(RULE, loc, `${set.name}.${flag.mask}`, `${problem} in flag set ${set.name} (${formatScope(scope)})`);
  });
}

function hex(value: bigint): string {
  return `0x${value.toString(16)}`;
}
