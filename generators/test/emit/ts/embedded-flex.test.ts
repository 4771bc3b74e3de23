// A record that ends in a flexible array member, embedded in another record (x86's PMU
// counter contexts inside xen_pmu_arch.c): the embedding record's bytes hold no elements of
// it, so decode gives none and encode refuses a value that gives some.
import { describe, expect, it } from 'vitest';
import { xen_pmu_arch, xen_pmu_amd_ctxt } from '../../../../packages/ts-bindings/src/stable/pmu.js';

const base = { r: { regs: { ip: 1n, sp: 2n, flags: 3n, cs: 4, ss: 5, cpl: 0 } }, pmu_flags: 1n, l: { lapic_lvtpc: 0xfe } };

describe('a flexible array member of an embedded record', () => {
  it('round-trips with no elements', () => {
    const value = { ...base, c: { amd: { counters: 8, ctrls: 40, regs: [] } } };
    const bytes = xen_pmu_arch.encode(value, { arch: 'x86_64' });
    expect(bytes.length).toBe(xen_pmu_arch.size('x86_64'));
    expect(xen_pmu_arch.decode(bytes, { arch: 'x86_64' }).c.amd).toEqual({ counters: 8, ctrls: 40, regs: [] });
  });

  it('refuses elements it has no room for, naming the member', () => {
    const value = { ...base, c: { amd: { counters: 8, ctrls: 40, regs: [1n] } } };
    expect(() => xen_pmu_arch.encode(value, { arch: 'x86_64' })).toThrow(new RangeError('xen_pmu_arch.c.amd.regs: a flexible array member of an embedded record takes no elements'));
  });

  it('still takes elements at the top of the record that ends in it', () => {
    const bytes = xen_pmu_amd_ctxt.encode({ counters: 8, ctrls: 24, regs: [1n, 2n] }, { arch: 'x86_64' });
    expect(bytes.length).toBe(8 + 16);
  });
});
