/**
 * What a side read from outside (an export document, a baseline) must hold besides its
 * schema: every name its sets refer to is a constant it lists. The comparators look those
 * names up; an export written by another tool, or by hand, may name constants it does not
 * have, and that is bad input, said as such, not a comparison that fails halfway.
 */
import type { AbiSide } from './types.js';

/** Each dangling reference, as `sets.<set>.ops[i].constant names X, which is not among the constants`. */
export function referenceProblems(side: AbiSide): string[] {
  const problems: string[] = [];
  const constant = (where: string, name: string | undefined) => {
    if (name !== undefined && !Object.prototype.hasOwnProperty.call(side.constants, name)) {
      problems.push(`${where} names ${JSON.stringify(name)}, which is not among the constants`);
    }
  };
  for (const [name, set] of Object.entries(side.sets)) {
    (set.ops ?? []).forEach((op, i) => constant(`sets.${name}.ops[${i}].constant`, op.constant));
    (set.flags ?? []).forEach((flag, i) => {
      constant(`sets.${name}.flags[${i}].mask`, flag.mask);
      constant(`sets.${name}.flags[${i}].bitConstant`, flag.bitConstant);
    });
    (set.values ?? []).forEach((value, i) => constant(`sets.${name}.values[${i}]`, value));
  }
  return problems;
}
