import { describe, expect, it } from 'vitest';
import { bitPlan, readBits, newCtx, badInt } from '../../../src/emit/ts/access.js';
import { intLiteral, opName, opSetBase, specifier, str, tsdoc } from '../../../src/emit/ts/names.js';
import type { ConstantSetDecl } from '../../../src/model/types.js';

describe('TypeScript emitter names', () => {
  it('names op-set codecs after the set', () => {
    expect(opSetBase('XEN_DMOP')).toBe('DmOp');
    expect(opSetBase('EVTCHNOP')).toBe('EvtchnOp');
    expect(opSetBase('XEN_ARGO_OP')).toBe('ArgoOp');
    expect(opSetBase('GNTTABOP')).toBe('GnttabOp');
  });

  it('names an op by its constant without the set prefix', () => {
    const set = { name: 'XEN_DMOP' } as ConstantSetDecl;
    expect(opName(set, 'XEN_DMOP_nr_vcpus')).toBe('nr_vcpus');
    expect(opName({ name: 'OTHER' } as ConstantSetDecl, 'XEN_DMOP_nr_vcpus', 'nr')).toBe('nr');
  });

  it('names an op by its constant when its member carries other ops too', () => {
    const set = { name: 'HVMOP_altp2m_cmd', ops: [{ constant: 'HVMOP_altp2m_create_p2m', member: 'view' }, { constant: 'HVMOP_altp2m_switch_p2m', member: 'view' }] } as ConstantSetDecl;
    expect(opName(set, 'HVMOP_altp2m_create_p2m', 'view')).toBe('HVMOP_altp2m_create_p2m');
  });

  it('prints literals: safe integers as numbers, others as bigints', () => {
    expect(intLiteral('20', false)).toBe('20');
    expect(intLiteral('4294967295', true)).toBe('0xffffffff');
    expect(intLiteral('-1', false)).toBe('-1');
    expect(intLiteral('18446744073709551615', true)).toBe('0xffffffffffffffffn');
  });

  it('relative specifiers with .js', () => {
    expect(specifier('src/stable/dm_op.ts', 'src/runtime.ts')).toBe('../runtime.js');
    expect(specifier('src/internal/stable/dm_op.ts', 'src/stable/dm_op.ts')).toBe('../../stable/dm_op.js');
    expect(specifier('src/index.ts', 'src/stable/index.ts')).toBe('./stable/index.js');
  });

  it('escapes TSDoc syntax and comment closers outside code spans', () => {
    expect(tsdoc('a@b {x} <y> `{z}` */')).toBe('a\\@b \\{x\\} \\<y\\> `{z}` *\\/');
  });
});

describe('TypeScript emitter accesses', () => {
  it('reads a bit-field from the smallest container inside the record', () => {
    expect(bitPlan(12, 20, false, 8)).toMatchObject({ start: 1, bytes: 4, shift: 4 });
    expect(bitPlan(8, 1, false, 8)).toMatchObject({ start: 1, bytes: 1, shift: 0 });
    expect(bitPlan(22, 4, false, 4)).toMatchObject({ start: 2, bytes: 2, shift: 6 });
    expect(bitPlan(10, 21, false, 4)).toMatchObject({ start: 0, bytes: 4, shift: 10 });
    expect(bitPlan(4, 32, false, 8).start).toBe(-1);
    expect(readBits(newCtx(), 'd', 'b', bitPlan(12, 20, false, 8))).toBe('((d.getUint32(b + 1, true) >>> 4) & 0xfffff)');
    expect(readBits(newCtx(), 'd', 'b', bitPlan(3, 3, true, 1))).toBe('((d.getUint8(b) << 26) >> 29)');
  });

  it('checks integers with a typeof and one comparison', () => {
    expect(badInt({ kind: 'int', ctype: 'uint16_t', bits: 16, signed: false, big: false, size: 2 }, 'x')).toBe("typeof x !== 'number' || (x & 0xffff) !== x");
    expect(badInt({ kind: 'int', ctype: 'int32_t', bits: 32, signed: true, big: false, size: 4 }, 'x')).toBe("typeof x !== 'number' || (x | 0) !== x");
    expect(badInt({ kind: 'int', ctype: 'uint64_t', bits: 64, signed: false, big: true, size: 8 }, 'x')).toBe(
      "typeof x !== 'bigint' || x < 0n || x > 0xffffffffffffffffn",
    );
  });
});

describe('TypeScript string literals', () => {
  it('escape quotes, backslashes, newlines, control characters, bidirectional controls and line separators', () => {
    expect(str("it's a \\ b")).toBe("'it\\'s a \\\\ b'");
    expect(str('a\nb\tc\u001b\u0085')).toBe("'a\\nb\\tc\\u001b\\u0085'");
    expect(str('rlo\u202e ls\u2028 ps\u2029')).toBe("'rlo\\u202e ls\\u2028 ps\\u2029'");
    // What the literal means is the text itself.
    for (const text of ['x\u202ey', 'a\u2028b', 'q\'"\\', 'c\u0000d']) expect(new Function(`return ${str(text)};`)()).toBe(text);
  });
});
