// A side from header facts: merged across architectures, placed by the registry where it
// knows the item and by Xen's guards where it does not, and checked with the same rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAbi } from '../../src/check/index.js';
import { moduleNames, sideFromHeaders } from '../../src/check/side/from-headers.js';
import type { ArchFacts, TreeFacts } from '../../src/headers/facts.js';
import { loadAbi } from '../../src/load/index.js';
import { ARCHES } from '../../src/model/arch.js';
import type { AbiModel, Arch } from '../../src/model/types.js';

const REPO = new URL('../../../', import.meta.url).pathname;
let registry: AbiModel;
beforeAll(async () => {
  registry = (await loadAbi(`${REPO}abi`, REPO)).model;
});

const loc = (file: string, line = 1) => ({ file, line, col: 1 });

/** Facts of a small tree: dm_op's op numbers, a record the registry knows, and an unknown tools-only header. */
function facts(edit: (a: ArchFacts) => void = () => undefined): TreeFacts {
  const arch = (a: Arch): ArchFacts => {
    const wide = a === 'x86_64' || a === 'arm64';
    const f: ArchFacts = {
      arch: a,
      roots: ['xen.h'],
      errors: [],
      records: [
        { name: 'xen_dm_op_nr_vcpus', kind: 'struct', tag: 'xen_dm_op_nr_vcpus', typedef: 'xen_dm_op_nr_vcpus_t', size: 4, align: 4, fields: [{ name: 'vcpus', offset: 0, size: 4, type: 'uint32_t', loc: loc('hvm/dm_op.h', 40) }], loc: loc('hvm/dm_op.h', 39), plain: true },
        { name: 'xen_sysctl_thing', kind: 'struct', tag: 'xen_sysctl_thing', size: wide ? 16 : 12, align: wide ? 8 : 4, fields: [{ name: 'a', offset: 0, size: 4, type: 'uint32_t', loc: loc('sysctl.h', 11) }, { name: 'b', offset: wide ? 8 : 4, size: wide ? 8 : 8, type: 'uint64_aligned_t', loc: loc('sysctl.h', 12) }], loc: loc('sysctl.h', 10), plain: false },
      ],
      typedefs: [{ name: 'xen_pfn_t', type: wide ? 'unsigned long' : 'uint64_t', loc: loc('arch-x86/xen.h', 59), plain: true }],
      constants: [
        { name: 'XEN_DMOP_nr_vcpus', value: '20', cType: 'int', loc: loc('hvm/dm_op.h', 440), plain: true, origin: 'macro' },
        { name: 'XEN_DMOP_remote_shutdown', value: '16', cType: 'int', loc: loc('hvm/dm_op.h', 300), plain: true, origin: 'macro' },
        { name: 'XEN_SYSCTL_INTERFACE_VERSION', value: '19', cType: 'int', loc: loc('sysctl.h', 5), plain: false, origin: 'macro' },
        { name: 'XEN_SYSCTL_thing', value: '3', cType: 'int', loc: loc('sysctl.h', 6), plain: false, origin: 'macro' },
      ],
    };
    edit(f);
    return f;
  };
  return { format: 'xenabi-header-facts/1', arches: ARCHES.map(arch) };
}

describe('sideFromHeaders', () => {
  it('takes namespace, module and sets from the registry where it knows an item, and from Xen\'s guards where not', () => {
    const side = sideFromHeaders(facts(), { release: '4.17', label: 'xen', registry, pathPrefix: 'xen/include/public/' });
    expect(side.records.xen_dm_op_nr_vcpus).toMatchObject({ namespace: 'stable', module: 'dm_op', typedef: 'xen_dm_op_nr_vcpus_t', loc: { file: 'xen/include/public/hvm/dm_op.h', line: 39 } });
    expect(side.records.xen_sysctl_thing).toMatchObject({ namespace: 'unstable', module: 'sysctl', since: '' });
    expect(side.records.xen_sysctl_thing?.layouts.x86_32).toMatchObject({ size: 12, align: 4 });
    expect(side.sets.XEN_DMOP?.ops?.map((o) => o.constant)).toEqual(['XEN_DMOP_remote_shutdown', 'XEN_DMOP_nr_vcpus']);
    expect(side.modules.sysctl).toMatchObject({ namespace: 'unstable', xenHeader: 'sysctl.h', interfaceVersion: 'XEN_SYSCTL_INTERFACE_VERSION' });
    expect(side.aliases.xen_pfn_t?.type).toBe('unsigned long');
    expect(side.has).toContain('sets');
  });

  it('without a registry, knows no sets, padding or growable records, and places everything by the guards', () => {
    const side = sideFromHeaders(facts(), { release: '4.17', label: 'xen' });
    expect(side.records.xen_dm_op_nr_vcpus).toMatchObject({ namespace: 'stable', module: 'dm_op' });
    expect(side.has).toEqual(['aliases', 'constantArchs', 'locations', 'modules', 'strings']);
  });

  it('is checked with the same rules: a renumbered op is OP_RENUMBERED, an unstable change without a new interface version is caught', () => {
    const base = sideFromHeaders(facts(), { release: '4.17', label: 'base', registry });
    const head = sideFromHeaders(
      facts((a) => {
        a.constants = a.constants.map((c) => (c.name === 'XEN_DMOP_nr_vcpus' ? { ...c, value: '21' } : c));
        a.records = a.records.map((r) => (r.name === 'xen_sysctl_thing' ? { ...r, size: r.size + 8 } : r));
      }),
      { release: '4.17', label: 'head', registry },
    );
    const result = checkAbi(base, head);
    const shown = result.findings.map((f) => `${f.severity} ${f.rule} ${f.item}`);
    expect(shown).toContain('error OP_RENUMBERED XEN_DMOP_nr_vcpus');
    expect(shown).toContain('note RECORD_SIZE_CHANGED xen_sysctl_thing');
    expect(shown).toContain('error UNSTABLE_VERSION_NOT_BUMPED sysctl');
    expect(result.findings.find((f) => f.rule === 'OP_RENUMBERED')?.loc.file).toBe('hvm/dm_op.h');
  });

  it('lets the tools-only part of a header the registry declares stable change without a version: Xen gives it none', () => {
    const tools = (size: number) => (a: ArchFacts) => a.records.push({ name: 'xen_mem_tools_thing', kind: 'struct', tag: 'xen_mem_tools_thing', size, align: 4, fields: [{ name: 'a', offset: 0, size: 4, type: 'uint32_t', loc: loc('memory.h', 501) }], loc: loc('memory.h', 500), plain: false });
    const base = sideFromHeaders(facts(tools(4)), { release: '4.17', label: 'base', registry });
    const head = sideFromHeaders(facts(tools(8)), { release: '4.17', label: 'head', registry });
    expect(head.modules.memory).toMatchObject({ namespace: 'stable', unversioned: true });
    const shown = checkAbi(base, head).findings.map((f) => `${f.severity} ${f.rule} ${f.item}`);
    expect(shown).toContain('note RECORD_SIZE_CHANGED xen_mem_tools_thing');
    expect(shown.filter((f) => f.includes('UNSTABLE_VERSION_NOT_BUMPED'))).toEqual([]);
  });

  it('reads an anonymous union of names for one register as the member the registry declares, so wrapping a plain member in one is no change', () => {
    const union = (n: number, names: string[], line: number) => ({ name: `cpu_user_regs.<anon${n}>`, kind: 'union' as const, parent: 'cpu_user_regs', size: 8, align: 8, fields: names.map((name, i) => ({ name, offset: 0, size: i ? 4 : 8, type: i ? 'uint32_t' : 'uint64_t', loc: loc('arch-x86/xen-x86_64.h', line) })), loc: loc('arch-x86/xen-x86_64.h', line), plain: true });
    const anon = (n: number, offset: number, line: number) => ({ name: '', offset, size: 8, type: `union cpu_user_regs.<anon${n}>`, record: `cpu_user_regs.<anon${n}>`, loc: loc('arch-x86/xen-x86_64.h', line) });
    const regs = (wrapped: boolean) => (a: ArchFacts) => {
      if (a.arch !== 'x86_64') return;
      const first = wrapped ? anon(0, 0, 180) : { name: 'r15', offset: 0, size: 8, type: 'uint64_t', loc: loc('arch-x86/xen-x86_64.h', 180) };
      a.records.push({ name: 'cpu_user_regs', kind: 'struct', tag: 'cpu_user_regs', size: 16, align: 8, fields: [first, anon(wrapped ? 1 : 0, 8, 181)], loc: loc('arch-x86/xen-x86_64.h', 179), plain: true });
      a.records.push(union(wrapped ? 1 : 0, ['rbp', 'ebp'], 181));
      if (wrapped) a.records.push(union(0, ['r15', 'r15d'], 180));
    };
    const base = sideFromHeaders(facts(regs(false)), { release: '4.17', label: 'base', registry });
    const head = sideFromHeaders(facts(regs(true)), { release: '4.17', label: 'head', registry });
    expect(head.records.cpu_user_regs?.layouts.x86_64?.fields.map((f) => `${f.name}@${f.offset}:${f.size}`)).toEqual(['r15@0:8', 'rbp@8:8']);
    expect(Object.keys(head.records).filter((n) => n.startsWith('cpu_user_regs.'))).toEqual([]);
    expect(checkAbi(base, head).findings.filter((f) => f.item.startsWith('cpu_user_regs')).map((f) => `${f.rule} ${f.item}`)).toEqual([]);
  });

  it('sees a typedef that stops being the one a record is known by, and a member respelled with it, as no change (4.15 platform.h)', () => {
    const settime = (later: boolean) => (a: ArchFacts) => {
      a.records.push(
        { name: 'xen_time64', kind: 'struct', tag: 'xen_time64', ...(later ? { typedef: 'xen_time64_t' } : { typedef: 'xen_time_t' }), size: 8, align: 8, fields: [{ name: 'secs', offset: 0, size: 8, type: 'uint64_t', loc: loc('time.h', 11) }], loc: loc('time.h', 10), plain: true },
        { name: 'xen_time_op', kind: 'struct', tag: 'xen_time_op', size: 8, align: 8, fields: [{ name: 'settime', offset: 0, size: 8, type: later ? 'xen_time_t' : 'struct xen_time64', record: 'xen_time64', loc: loc('time.h', 31) }], loc: loc('time.h', 30), plain: true },
      );
      if (later) a.typedefs.push({ name: 'xen_time_t', type: 'struct xen_time64', loc: loc('time.h', 14), plain: true });
    };
    const base = sideFromHeaders(facts(settime(false)), { release: '4.17', label: 'base', registry });
    const head = sideFromHeaders(facts(settime(true)), { release: '4.17', label: 'head', registry });
    const shown = checkAbi(base, head).findings.filter((f) => f.severity !== 'note').map((f) => `${f.rule} ${f.item}`);
    expect(shown).toEqual([]);
    const back = checkAbi(head, base).findings.filter((f) => f.severity !== 'note').map((f) => `${f.rule} ${f.item}`);
    expect(back).toEqual(['TYPEDEF_REMOVED xen_time64_t']);
  });

  it("reads a ring page as the registry does, up to its entries: 4.19's flexible ring[] after ring[1] moves no byte", () => {
    const page = (flexible: boolean) => (a: ArchFacts) => {
      const f = (name: string, offset: number, size: number, type = 'RING_IDX') => ({ name, offset, size, type, loc: loc('io/blkif.h', 700) });
      const fields = [f('req_prod', 0, 4), f('req_event', 4, 4), f('rsp_prod', 8, 4), f('rsp_event', 12, 4), f('__pad', 16, 48, 'uint8_t[48]'), { ...f('ring', 64, flexible ? 0 : 112, flexible ? 'union blkif_sring_entry[]' : 'union blkif_sring_entry[1]'), ...(flexible ? { flexibleArray: true as const } : {}) }];
      a.records.push({ name: 'blkif_sring', kind: 'struct', tag: 'blkif_sring', size: flexible ? 64 : 176, align: 8, fields, loc: loc('io/blkif.h', 700), plain: true });
    };
    const base = sideFromHeaders(facts(page(false)), { release: '4.18', label: 'base', registry });
    const head = sideFromHeaders(facts(page(true)), { release: '4.19', label: 'head', registry });
    expect(head.records.blkif_sring?.layouts.x86_64?.size).toBe(64);
    expect(base.records.blkif_sring?.layouts.x86_64?.fields.map((f) => f.name)).not.toContain('ring');
    expect(checkAbi(base, head).findings.filter((f) => f.item.startsWith('blkif_sring')).map((f) => `${f.rule} ${f.item}`)).toEqual([]);
  });

  it('points a finding on some architectures only at the header that declares the item there', () => {
    const regs = (a: ArchFacts, wide: boolean) => {
      const arm = a.arch.startsWith('arm');
      const file = arm ? 'arch-arm.h' : 'arch-x86/xen.h';
      a.constants.push({ name: 'XEN_ARCH_THING', value: arm && wide ? '2' : '1', cType: 'int', loc: loc(file, 50), plain: true, origin: 'macro' });
      a.records.push({ name: 'vcpu_guest_context', kind: 'struct', tag: 'vcpu_guest_context', size: arm && wide ? 16 : 8, align: 8, fields: [{ name: 'user_regs', offset: 0, size: arm && wide ? 16 : 8, type: 'uint64_t', loc: loc(file, arm ? 300 : 180) }], loc: loc(file, arm ? 299 : 179), plain: true });
    };
    const base = sideFromHeaders(facts((a) => regs(a, false)), { release: '4.17', label: 'base', registry });
    const head = sideFromHeaders(facts((a) => regs(a, true)), { release: '4.17', label: 'head', registry });
    const shown = checkAbi(base, head).findings.map((f) => `${f.rule} ${f.item} ${f.archs.join(',')} ${f.loc.file}:${f.loc.line}`);
    expect(shown).toEqual(expect.arrayContaining(['RECORD_SIZE_CHANGED vcpu_guest_context arm32,arm64 arch-arm.h:299', 'FIELD_WIDTH_CHANGED vcpu_guest_context.user_regs arm32,arm64 arch-arm.h:300', 'CONSTANT_VALUE_CHANGED XEN_ARCH_THING arm32,arm64 arch-arm.h:50']));
    expect(shown.filter((f) => f.includes('arch-x86'))).toEqual([]);
    expect(head.records.vcpu_guest_context?.loc?.file).toBe('arch-x86/xen.h');
  });

  it('names a module after its header, or its path where two headers share a name', () => {
    const f = facts((a) => a.typedefs.push({ name: 'xen_arch_thing', type: 'uint32_t', loc: loc('arch-x86/hvm/save.h'), plain: true }, { name: 'hvm_thing', type: 'uint32_t', loc: loc('hvm/save.h'), plain: true }));
    const names = moduleNames(f, registry);
    expect(names.get('hvm/dm_op.h')).toBe('dm_op');
    expect(names.get('arch-x86/hvm/save.h')).toBe('arch_x86_hvm_save');
    expect(names.get('hvm/save.h')).toBe('hvm_save');
    expect(names.get('sysctl.h')).toBe('sysctl');
  });
});
