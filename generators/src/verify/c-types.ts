/**
 * The C types a constant's literal may have, and the probe expression that tells which one
 * Xen's macro has. xenabi compares size and signedness (what an ABI sees: `1u << 31` and
 * `1 << 31` differ, `1UL` and `1ULL` on an LP64 target do not); the exact type is for
 * people reading a finding.
 */
import type { IntegerCType } from '../model/types.js';

/** Every literal type, in the order of their probe codes (1-based). */
export const C_TYPES: readonly IntegerCType[] = ['int', 'unsigned int', 'long', 'unsigned long', 'long long', 'unsigned long long'];

/**
 * A constant expression giving 16 when `name` has the size and signedness of `cType`, plus
 * the code of its exact type (0 for none of the six).
 */
export function constantTypeExpression(name: string, cType: IntegerCType): string {
  const signed = cType.startsWith('unsigned') ? 0 : 1;
  const same = `(sizeof(${name}) == sizeof(${cType}) && (0 * (${name}) - 1 < 0) == ${signed})`;
  const code = C_TYPES.reduceRight((rest, t, i) => `__builtin_types_compatible_p(__typeof__(${name}), ${t}) ? ${i + 1} : ${rest}`, '0');
  return `${same} * 16 + (${code})`;
}

/** The C type a probe code names, and whether it matched ours. */
export function readTypeCode(value: bigint): { compatible: boolean; type: string } {
  const n = Number(value);
  return { compatible: (n & 16) !== 0, type: C_TYPES[(n & 15) - 1] ?? 'another type' };
}
