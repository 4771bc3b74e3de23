/**
 * `constant-spelling`: a constant's spelling can write every value it takes. A `shift`
 * (`(1U << n)`) writes one set bit only, unless a bit-number constant names the shift; a
 * `hex` literal writes no negative value. The C emitter spells each value (per architecture,
 * per release, for older guest interfaces) the same way, so each is checked.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ConstantDecl } from '../../model/types.js';
import type { ValidationPass } from '../pass.js';
import { error } from '../report.js';

const RULE = 'constant-spelling';

export const constantSpelling: ValidationPass = {
  id: RULE,
  description: 'A shift-spelled constant is one bit in every value; a hex-spelled one is never negative.',
  run(model) {
    return model.constants.flatMap((c): Diagnostic[] => {
      const bad = valuesOf(c).find((v) => !spellable(c, BigInt(v)));
      if (bad === undefined) return [];
      const why = c.spelling === 'hex' ? 'a negative value cannot be written in hex' : 'only a single set bit can be written as (1 << n)';
      return [error(RULE, c.loc, c.name, `${c.name} is spelled ${c.spelling} but takes the value ${bad}: ${why}; spell it dec`)];
    });
  },
};

/** Every value the constant takes: its own, per architecture, in later releases, for older guests. */
function valuesOf(c: ConstantDecl): string[] {
  return [c.value, ...Object.values(c.values ?? {}), ...(c.history ?? []).map((h) => h.value), ...(c.legacyValue ? [c.legacyValue.value] : [])];
}

function spellable(c: ConstantDecl, v: bigint): boolean {
  if (c.spelling === 'hex') return v >= 0n;
  if (c.spelling !== 'shift' || c.bitConstant) return true;
  const magnitude = v < 0n ? -v : v;
  // `(1 << 31)` is the int -2^31: its magnitude is still one bit.
  return magnitude > 0n && (magnitude & (magnitude - 1n)) === 0n;
}
