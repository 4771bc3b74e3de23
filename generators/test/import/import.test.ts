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

describe('groupConstants on nested prefixes (vm_event.h)', () => {
  it('folds a group into the one a word shorter while no value repeats, and keeps the header order', () => {
    const { sets, single } = groupConstants([
      { name: 'EV_FLAG_PAUSED', value: 1n, shift: true },
      { name: 'EV_FLAG_SET_EMUL_READ', value: 2n, shift: true },
      { name: 'EV_FLAG_SET_REGS', value: 4n, shift: true },
      { name: 'EV_FLAG_SET_EMUL_INSN', value: 8n, shift: true },
      { name: 'EV_REASON_UNKNOWN', value: 0n },
      { name: 'EV_REASON_MEM_ACCESS', value: 1n },
      { name: 'EV_REASON_MEM_PAGING', value: 2n },
      { name: 'EV_REASON_CPUID', value: 3n },
      { name: 'EV_X86_CR0', value: 0n },
      { name: 'EV_X86_CR3', value: 1n },
    ]);
    expect(sets.map((s) => [s.name, s.kind, s.members.map((m) => m.name)])).toEqual([
      ['EV_FLAG', 'flags', ['EV_FLAG_PAUSED', 'EV_FLAG_SET_EMUL_READ', 'EV_FLAG_SET_REGS', 'EV_FLAG_SET_EMUL_INSN']],
      ['EV_REASON', 'values', ['EV_REASON_UNKNOWN', 'EV_REASON_MEM_ACCESS', 'EV_REASON_MEM_PAGING', 'EV_REASON_CPUID']],
      ['EV_X86', 'values', ['EV_X86_CR0', 'EV_X86_CR3']],
    ]);
    expect(single).toEqual([]);
  });

  it('leaves ORs of bits spelled as bits beside their flag set, and keeps plain small numbers values', () => {
    const { sets, single } = groupConstants([
      { name: 'ACC_R', value: 1n, shift: true },
      { name: 'ACC_W', value: 2n, shift: true },
      { name: 'ACC_RW', value: 3n },
      { name: 'ACC_FAULT_GLA', value: 4n, shift: true },
      { name: 'PAGING_DROP', value: 1n, shift: true },
      { name: 'PAGING_FAIL', value: 2n, shift: true },
      { name: 'DESC_IDTR', value: 1n },
      { name: 'DESC_GDTR', value: 2n },
      { name: 'DESC_LDTR', value: 3n },
      { name: 'DESC_TR', value: 4n },
    ]);
    expect(sets.map((s) => [s.name, s.kind, s.members.map((m) => m.name)])).toEqual([
      ['ACC', 'flags', ['ACC_R', 'ACC_W', 'ACC_FAULT_GLA']],
      ['PAGING', 'flags', ['PAGING_DROP', 'PAGING_FAIL']],
      ['DESC', 'values', ['DESC_IDTR', 'DESC_GDTR', 'DESC_LDTR', 'DESC_TR']],
    ]);
    expect(single).toEqual(['ACC_RW']);
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

describe('draftFromFacts on a tools interface versioned outside its tools guard (vm_event.h)', () => {
  const loc = (line: number) => ({ file: 'events.h', line, col: 1 });
  const facts: TreeFacts = {
    format: 'xenabi-header-facts/1',
    arches: ARCHES.map((arch) => ({
      arch,
      roots: ['events.h'],
      errors: [],
      records: [{ name: 'events_req', kind: 'struct', tag: 'events_req', size: 8, align: 4, loc: loc(20), plain: false, fields: [{ name: 'version', offset: 0, size: 4, type: 'uint32_t', loc: loc(21) }, { name: 'flags', offset: 4, size: 4, type: 'uint32_t', loc: loc(22) }] }],
      typedefs: [],
      constants: [
        { name: 'EVENTS_INTERFACE_VERSION', value: '7', cType: 'int', loc: loc(5), plain: true, origin: 'macro' },
        { name: 'EVENTS_FLAG_PAUSED', value: '1', cType: 'int', loc: loc(10), plain: false, origin: 'macro' },
        { name: 'EVENTS_FLAG_FOREIGN', value: '2', cType: 'int', loc: loc(11), plain: false, origin: 'macro' },
      ],
    })),
  };
  const text = '#ifndef _EVENTS_H\n#define _EVENTS_H\n#define EVENTS_INTERFACE_VERSION 0x7\n#if defined(__XEN_TOOLS__)\n#define EVENTS_FLAG_PAUSED (1 << 0)\n#define EVENTS_FLAG_FOREIGN (1 << 1)\n#endif\n';
  const result = draftFromFacts(facts, [{ path: 'events.h', text }], { release: '4.17' });

  it('drafts one unstable module that the interface version versions, not a stable module of the version alone', () => {
    expect(result.files.map((f) => f.path)).toEqual(['unstable/events.ts']);
    const draft = result.files[0]?.text ?? '';
    expect(draft).toContain('interfaceVersion: EVENTS_INTERFACE_VERSION,');
    expect(draft).toContain("name: 'events',");
    expect(draft).toContain("export const EVENTS_FLAG = flagSet('EVENTS_FLAG', {");
    expect(result.problems).toEqual([]);
  });
});
