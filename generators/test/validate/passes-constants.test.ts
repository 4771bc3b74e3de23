import { describe, expect, it } from 'vitest';
import { duplicateOp } from '../../src/validate/passes/duplicate-op.js';
import { flagBits } from '../../src/validate/passes/flag-bits.js';
import { constant, model, set } from './model-builder.js';

const lines = (ds: { item: string; message: string }[]) => ds.map((d) => `${d.item}: ${d.message}`);

describe('duplicate-op', () => {
  it('reports two ops with one number, where both exist', () => {
    const a = constant('OP_A', 1, { set: 'OP' });
    const b = constant('OP_B', 2, { set: 'OP', history: [{ since: '4.10', value: '1' }] });
    const c = constant('OP_C', 3, { set: 'OP', archs: ['arm64'] });
    const d = constant('OP_D', 4, { set: 'OP', values: { arm64: '3' }, archs: ['arm32', 'arm64'] });
    const ops = set('ops', 'OP', { ops: ['OP_A', 'OP_B', 'OP_C', 'OP_D'].map((constant) => ({ constant })) });
    const ds = duplicateOp.run(model({ constants: [a, b, c, d], sets: [ops] }));
    expect(lines(ds).sort()).toEqual([
      "OP.OP_B: op number 1 of OP_B is already OP_A's in op set OP (in 4.10-4.22)",
      "OP.OP_D: op number 3 of OP_D is already OP_C's in op set OP (in 4.6-4.22 on arm64)",
    ]);
    expect(ds.find((d) => d.item === 'OP.OP_B')!.loc).toEqual(b.loc);
  });

  it('accepts an op renumbered into a number its previous holder left', () => {
    const a = constant('OP_A', 1, { set: 'OP', until: '4.10' });
    const b = constant('OP_B', 1, { set: 'OP', since: '4.10' });
    expect(duplicateOp.run(model({ constants: [a, b], sets: [set('ops', 'OP', { ops: [{ constant: 'OP_A' }, { constant: 'OP_B' }] })] }))).toEqual([]);
  });
});

describe('flag-bits', () => {
  const flags = (members: { mask: string; bit: number; bitConstant?: string }[]) => set('flags', 'F', { flags: members });

  it('accepts masks equal to 1 << bit with matching bit constants', () => {
    const cs = [constant('_F_A', 0, { set: 'F' }), constant('F_A', 1, { set: 'F' }), constant('F_B', 2, { set: 'F' })];
    expect(flagBits.run(model({ constants: cs, sets: [flags([{ mask: 'F_A', bit: 0, bitConstant: '_F_A' }, { mask: 'F_B', bit: 1 }])] }))).toEqual([]);
  });

  it('reports a wrong mask, a wrong bit constant and overlapping masks', () => {
    const cs = [constant('_F_A', 1, { set: 'F' }), constant('F_A', 1, { set: 'F' }), constant('F_B', 4, { set: 'F' }), constant('F_C', 4, { set: 'F', since: '4.12' })];
    const ds = flagBits.run(model({ constants: cs, sets: [flags([{ mask: 'F_A', bit: 0, bitConstant: '_F_A' }, { mask: 'F_B', bit: 1 }, { mask: 'F_C', bit: 2 }])] }));
    expect(lines(ds)).toEqual([
      'F.F_A: bit constant _F_A is 1, not 0 in flag set F (in 4.6-4.22)',
      'F.F_B: mask F_B is 0x4, not 1 << 1 (0x2) in flag set F (in 4.6-4.22)',
      'F.F_C: mask F_C (0x4) overlaps F_B (0x4) in flag set F (in 4.12-4.22)',
    ]);
    expect(ds[2]!.loc).toEqual(cs[3]!.loc);
  });

  it('tells a renumbered flag\'s two declarations apart', () => {
    const cs = [
      constant('F_OLD', 16, { set: 'F', until: '4.9' }),
      constant('F_X', 32, { set: 'F', until: '4.9' }),
      constant('F_X', 16, { set: 'F', since: '4.9' }),
    ];
    const members = [
      { mask: 'F_OLD', bit: 4 },
      { mask: 'F_X', bit: 5 },
      { mask: 'F_X', bit: 4 },
    ];
    expect(flagBits.run(model({ constants: cs, sets: [flags(members)] }))).toEqual([]);
  });
});
