// `xenabi import` without a compiler: constants grouped into sets, C types into the
// registry's, and drafts printed from header facts.
import { describe, expect, it } from 'vitest';
import type { TreeFacts } from '../../src/headers/facts.js';
import { spellingOf } from '../../src/import/draft.js';
import { draftFromFacts } from '../../src/import/index.js';
import { groupConstants } from '../../src/import/sets.js';
import { draftType } from '../../src/import/types.js';
import { ARCHES } from '../../src/model/arch.js';

describe('groupConstants', () => {
  it('makes flags of powers of two with their bit constants, ops of an OP prefix, values of the rest', () => {
    const { sets, single } = groupConstants([
      { name: '_XEN_X_CDF_hvm', value: 0n },
      { name: 'XEN_X_CDF_hvm', value: 1n },
      { name: '_XEN_X_CDF_hap', value: 1n },
      { name: 'XEN_X_CDF_hap', value: 2n },
      { name: 'XEN_X_CDF_vpmu', value: 128n },
      { name: 'XEN_X_CDF_MAX', value: 128n },
      { name: 'SAMPLEOP_send', value: 4n },
      { name: 'SAMPLEOP_close', value: 3n },
      { name: 'SAMPLE_STATE_closed', value: 0n },
      { name: 'SAMPLE_STATE_open', value: 1n },
      { name: 'LONELY', value: 7n },
    ]);
    expect(sets).toEqual([
      { name: 'XEN_X_CDF', kind: 'flags', members: [{ name: 'XEN_X_CDF_hvm', bit: 0, bitConstant: '_XEN_X_CDF_hvm' }, { name: 'XEN_X_CDF_hap', bit: 1, bitConstant: '_XEN_X_CDF_hap' }, { name: 'XEN_X_CDF_vpmu', bit: 7 }] },
      { name: 'SAMPLEOP', kind: 'ops', members: [{ name: 'SAMPLEOP_send' }, { name: 'SAMPLEOP_close' }] },
      { name: 'SAMPLE_STATE', kind: 'values', members: [{ name: 'SAMPLE_STATE_closed' }, { name: 'SAMPLE_STATE_open' }] },
    ]);
    expect(single).toEqual(['XEN_X_CDF_MAX', 'LONELY']);
  });
});

describe('spellingOf', () => {
  it('keeps a shift for one bit or a sign bit, and spells a multi-bit field in place in hex (valid drafts need it)', () => {
    expect(spellingOf('(1U << _XEN_DOMCTL_CDF_evtchn_fifo)', [256n])).toBe('shift');
    expect(spellingOf('(1<<31)', [-2147483648n])).toBe('shift');
    expect(spellingOf('(0x3U<<28)', [805306368n])).toBe('hex');
    expect(spellingOf('(0x0U<<28)', [0n])).toBe('hex');
    expect(spellingOf('0x10', [16n])).toBe('hex');
    expect(spellingOf('(-1)', [-1n])).toBe('dec');
    expect(spellingOf('12', [12n])).toBe('dec');
  });
});

describe('draftType', () => {
  const scope = { records: new Set(['xen_foo', 'xen_foo.u']), recordTypedefs: new Map([['xen_foo_t', 'xen_foo']]), aliases: new Set(['domid_t']) };
  it('maps fixed-width and per-architecture integers, handles, arrays, records and typedefs; leaves the rest to a person', () => {
    expect(draftType('uint8_t[3]', scope)).toEqual({ kind: 'array', element: { kind: 'scalar', name: 'uint8_t' }, length: 3 });
    expect(draftType('xen_pfn_t', scope)).toEqual({ kind: 'archScalar', name: 'xen_pfn_t' });
    expect(draftType('XEN_GUEST_HANDLE_64(uint8)', scope)).toEqual({ kind: 'handle', width: '64', target: 'uint8', pointee: 'uint8' });
    expect(draftType('struct xen_foo', scope)).toEqual({ kind: 'record', name: 'xen_foo' });
    expect(draftType('xen_foo_t', scope)).toEqual({ kind: 'record', name: 'xen_foo' });
    expect(draftType('union xen_foo.u', scope)).toEqual({ kind: 'record', name: 'xen_foo.u' });
    expect(draftType('domid_t[2]', scope)).toEqual({ kind: 'array', element: { kind: 'alias', name: 'domid_t' }, length: 2 });
    expect(draftType('int64_aligned_t', scope)).toEqual({ kind: 'archScalar', name: 'int64_aligned_t' });
    expect(draftType('unsigned long', scope)).toEqual({ kind: 'todo', c: 'unsigned long' });
  });
});

describe('draftFromFacts', () => {
  const loc = (line: number) => ({ file: 'sample.h', line, col: 1 });
  const facts: TreeFacts = {
    format: 'xenabi-header-facts/1',
    arches: ARCHES.map((arch) => ({
      arch,
      roots: ['sample.h'],
      errors: [],
      records: [
        {
          name: 'sample_op',
          kind: 'struct',
          tag: 'sample_op',
          typedef: 'sample_op_t',
          size: 16,
          align: 8,
          loc: loc(10),
          plain: true,
          fields: [
            { name: 'cmd', offset: 0, size: 4, type: 'uint32_t', loc: loc(11) },
            { name: 'val', offset: 8, size: 8, type: 'uint64_aligned_t', loc: loc(12) },
          ],
        },
        { name: 'sample_ctl', kind: 'struct', tag: 'sample_ctl', size: 8, align: arch === 'x86_32' || arch === 'arm32' ? 4 : 8, loc: loc(30), plain: false, fields: [{ name: 'limit', offset: 0, size: arch === 'x86_32' || arch === 'arm32' ? 4 : 8, type: 'unsigned long', loc: loc(31) }] },
      ],
      typedefs: [],
      constants: [
        { name: 'SAMPLEOP_ping', value: '1', cType: 'int', loc: loc(3), plain: true, origin: 'macro' },
        { name: 'SAMPLEOP_pong', value: '2', cType: 'int', loc: loc(4), plain: true, origin: 'macro' },
        { name: 'XEN_SAMPLE_INTERFACE_VERSION', value: '3', cType: 'int', loc: loc(29), plain: false, origin: 'macro' },
        { name: 'SAMPLE_DRIVER_NAME', value: 'sample-drv', cType: 'string', loc: loc(32), plain: false, origin: 'macro' },
        { name: 'SAMPLE_OTHER_NAME', value: 'other', cType: 'string', loc: loc(33), plain: false, origin: 'macro' },
      ],
    })),
  };
  const files = [{ path: 'sample.h', text: '#ifndef __XEN_PUBLIC_SAMPLE_H__\n#define __XEN_PUBLIC_SAMPLE_H__\n#define SAMPLEOP_ping 1\n' }];
  const result = draftFromFacts(facts, files, { release: '4.17' });

  it("writes a guest's items to stable/ and tools-only ones to unstable/, with TODO docs and Xen's guard", () => {
    expect(result.files.map((f) => f.path)).toEqual(['stable/sample.ts', 'unstable/sample_tools.ts']);
    const stable = result.files[0]?.text ?? '';
    expect(stable).toContain("export const sample_op = struct('sample_op', {\n  typedef: 'sample_op_t',\n  since: '4.17',\n  doc: 'TODO',");
    expect(stable).toContain("field('val', uint64_aligned_t, { doc: 'TODO' }),");
    expect(stable).toContain("holes: [{ after: 'cmd', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'TODO: why the compiler pads here' }],");
    expect(stable).toContain("export const SAMPLEOP = opSet('SAMPLEOP', {");
    expect(stable).toContain("xenGuard: '__XEN_PUBLIC_SAMPLE_H__',");
    expect(stable).not.toMatch(/doc: '(?!TODO)/);
  });

  it('names the interface version of an unstable module, and leaves a type the registry cannot express to a person', () => {
    const tools = result.files[1]?.text ?? '';
    expect(tools).toContain('interfaceVersion: XEN_SAMPLE_INTERFACE_VERSION,');
    expect(tools).toContain("field('limit', TODO_TYPE('unsigned long') /* TODO: Xen spells it unsigned long */, { doc: 'TODO' }),");
    expect(tools).toContain("export const SAMPLE_DRIVER_NAME = stringConstant('SAMPLE_DRIVER_NAME', 'sample-drv', { since: '4.17', doc: 'TODO' });");
    expect(tools).not.toContain('_NAME = valueSet');
    expect(result.problems).toEqual(['type: sample_tools: sample_ctl has a member whose C type the registry cannot express (TODO_TYPE)']);
  });
});
