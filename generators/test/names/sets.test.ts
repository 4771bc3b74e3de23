import { describe, expect, it } from 'vitest';
import { setMemberNames, setMembers, setTypeName } from '../../src/names/sets.js';

describe('setTypeName', () => {
  it('camel-cases the set name', () => {
    expect(setTypeName({ name: 'XEN_DMOP_IO_RANGE', kind: 'values' })).toBe('XenDmopIoRange');
    expect(setTypeName({ name: 'GTF_type', kind: 'values' })).toBe('GtfType');
  });

  it('adds Values or Flags when the plain name is taken', () => {
    const taken = (n: string) => n === 'XenbusState' || n === 'Gnttab';
    expect(setTypeName({ name: 'XENBUS_STATE', kind: 'values' }, taken)).toBe('XenbusStateValues');
    expect(setTypeName({ name: 'GNTTAB', kind: 'flags' }, taken)).toBe('GnttabFlags');
  });
});

describe('setMemberNames', () => {
  it("strips the set's own prefix when every member has it", () => {
    const names = setMemberNames({ name: 'EVTCHNSTAT' }, ['EVTCHNSTAT_closed', 'EVTCHNSTAT_ipi']);
    expect([...names.values()]).toEqual(['CLOSED', 'IPI']);
  });

  it('strips the longest common prefix up to an underscore otherwise', () => {
    const names = setMemberNames({ name: 'GTF_type' }, ['GTF_invalid', 'GTF_permit_access']);
    expect([...names.values()]).toEqual(['INVALID', 'PERMIT_ACCESS']);
  });

  it('keeps the constant names when stripping leaves a digit first, a clash or nothing', () => {
    expect([...setMemberNames({ name: 'VCPU_HVM_MODE' }, ['VCPU_HVM_MODE_32B', 'VCPU_HVM_MODE_64B']).values()]).toEqual(['VCPU_HVM_MODE_32B', 'VCPU_HVM_MODE_64B']);
    expect([...setMemberNames({ name: 'FX' }, ['FX_a', 'FX_A']).values()]).toEqual(['FX_a', 'FX_A']);
    expect([...setMemberNames({ name: 'ONE' }, ['OTHER_x']).values()]).toEqual(['OTHER_x']);
  });
});

describe('setMembers', () => {
  it('lists masks of a flag set and constants of a value set, none of an op set', () => {
    expect(setMembers({ kind: 'flags', flags: [{ mask: 'A', bit: 0 }] })).toEqual(['A']);
    expect(setMembers({ kind: 'values', values: ['B'] })).toEqual(['B']);
    expect(setMembers({ kind: 'ops' })).toEqual([]);
  });
});
