// Layouts and history of abi/stable/dm_op.ts. The numbers were checked against clang's
// sizeof/_Alignof/offsetof with -D__XEN_TOOLS__ on i386, x86_64, armhf and aarch64, for the
// Xen 4.17 headers in /usr/include/xen and for Xen's headers at every tag from 4.9 to 4.22.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import { ArchLayout } from '../../src/layout/engine.js';
import { ARCHES } from '../../src/model/arch.js';
import { XEN_RELEASES, compareReleases } from '../../src/model/releases.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';
import { exportAbi } from '../../src/export/abi-json.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
const DM_OP_RELEASES = XEN_RELEASES.filter((r) => compareReleases(r, '4.9') >= 0);
let model: AbiModel;
const layout = (arch: Arch, name: string, release = '4.22') => new ArchLayout(atRelease(model, release), arch).record(name);
const fieldsAt = (arch: Arch, name: string, release: string) => layout(arch, name, release).fields.map((f) => `${f.name}@${f.offset}:${f.size}`);
const dmOpRecords = (release: string) => atRelease(model, release).records.filter((r) => r.module === 'dm_op');
const dmOpConstants = (release: string) => atRelease(model, release).constants.filter((c) => c.module === 'dm_op');

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('dm_op', () => {
  it('keeps xen_dm_op 32 bytes, 8-aligned, with u at 8, on every arch and release', () => {
    for (const release of DM_OP_RELEASES) {
      for (const arch of ARCHES) {
        expect(layout(arch, 'xen_dm_op', release)).toMatchObject({ size: 32, align: 8, holes: [] });
        expect(fieldsAt(arch, 'xen_dm_op', release)).toEqual(['op@0:4', 'pad@4:4', 'u@8:24']);
        expect(layout(arch, 'xen_dm_op.u', release)).toMatchObject({ size: 24, align: 8, holes: [] });
      }
    }
  });

  it('aligns the uint64_aligned_t records to 8 even on x86_32', () => {
    const records = [
      'xen_dm_op_get_ioreq_server_info', 'xen_dm_op_ioreq_server_range', 'xen_dm_op_track_dirty_vram',
      'xen_dm_op_modified_memory_extent', 'xen_dm_op_set_mem_type', 'xen_dm_op_inject_event',
      'xen_dm_op_inject_msi', 'xen_dm_op_relocate_memory', 'xen_dm_op_pin_memory_cacheattr',
    ];
    for (const arch of ARCHES) for (const name of records) expect(layout(arch, name)).toMatchObject({ align: 8 });
    expect(layout('x86_32', 'xen_dm_op_get_ioreq_server_info')).toMatchObject({ size: 24, align: 8 });
    expect(fieldsAt('x86_32', 'xen_dm_op_inject_event', '4.22')).toEqual([
      'vcpuid@0:4', 'vector@4:1', 'type@5:1', 'insn_len@6:1', 'pad0@7:1', 'error_code@8:4', 'pad1@12:4', 'cr2@16:8',
    ]);
  });

  it('leaves map_mem_type_to_ioreq_server 4-aligned on x86_32: opaque is a plain uint64_t', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'xen_dm_op_map_mem_type_to_ioreq_server')).toMatchObject({ size: 16, align: arch === 'x86_32' ? 4 : 8 });
    }
  });

  it('sizes xen_dm_op_buf by the native guest handle and xen_ulong_t', () => {
    expect(layout('x86_32', 'xen_dm_op_buf')).toMatchObject({ size: 8, align: 4 });
    expect(fieldsAt('x86_32', 'xen_dm_op_buf', '4.22')).toEqual(['h@0:4', 'size@4:4']);
    for (const arch of ['x86_64', 'arm32', 'arm64'] as const) {
      expect(layout(arch, 'xen_dm_op_buf')).toMatchObject({ size: 16, align: 8 });
      expect(fieldsAt(arch, 'xen_dm_op_buf', '4.22')).toEqual(['h@0:8', 'size@8:8']);
    }
  });

  it('renames get_ioreq_server_info fields in place: pfn to gfn in 4.10, pad to flags in 4.11', () => {
    for (const arch of ARCHES) {
      expect(fieldsAt(arch, 'xen_dm_op_get_ioreq_server_info', '4.9')).toEqual([
        'id@0:2', 'pad@2:2', 'bufioreq_port@4:4', 'ioreq_pfn@8:8', 'bufioreq_pfn@16:8',
      ]);
      expect(fieldsAt(arch, 'xen_dm_op_get_ioreq_server_info', '4.10')).toEqual([
        'id@0:2', 'pad@2:2', 'bufioreq_port@4:4', 'ioreq_gfn@8:8', 'bufioreq_gfn@16:8',
      ]);
      expect(fieldsAt(arch, 'xen_dm_op_get_ioreq_server_info', '4.11')).toEqual([
        'id@0:2', 'flags@2:2', 'bufioreq_port@4:4', 'ioreq_gfn@8:8', 'bufioreq_gfn@16:8',
      ]);
    }
  });

  it('grows xen_dm_op.u only by appending members in 4.10, 4.11 and 4.15', () => {
    const members = (release: string) => layout('x86_64', 'xen_dm_op.u', release).fields.length;
    expect([members('4.9'), members('4.10'), members('4.11'), members('4.14'), members('4.15'), members('4.22')]).toEqual([15, 16, 18, 18, 20, 20]);
  });

  it('declares what Xen declares in each release: 18/26 in 4.9 up to 23/40 from 4.15', () => {
    const counts = (release: string) => [dmOpRecords(release).length, dmOpConstants(release).length];
    expect(counts('4.8')).toEqual([0, 0]);
    expect(counts('4.9')).toEqual([18, 26]);
    expect(counts('4.10')).toEqual([19, 27]);
    expect(counts('4.11')).toEqual([21, 38]);
    expect(counts('4.15')).toEqual([23, 40]);
    expect(counts('4.22')).toEqual([23, 40]);
  });

  it('has no padding hole in any record, release or arch', () => {
    for (const release of DM_OP_RELEASES) {
      for (const arch of ARCHES) {
        for (const r of dmOpRecords(release)) expect(layout(arch, r.name, release).holes).toEqual([]);
      }
    }
  });

  it('ties every XEN_DMOP_* op to its member of xen_dm_op.u', () => {
    const ops = model.sets.find((s) => s.name === 'XEN_DMOP');
    expect(ops?.dispatch).toEqual({ record: 'xen_dm_op', opField: 'op', payloadField: 'u' });
    expect(ops?.ops).toHaveLength(20);
    expect(ops?.ops).toContainEqual({ constant: 'XEN_DMOP_unmap_io_range_from_ioreq_server', member: 'unmap_io_range_from_ioreq_server', record: 'xen_dm_op_ioreq_server_range' });
    expect(ops?.ops).toContainEqual({ constant: 'XEN_DMOP_nr_vcpus', member: 'nr_vcpus', record: 'xen_dm_op_nr_vcpus' });
    const u = model.records.find((r) => r.name === 'xen_dm_op.u');
    for (const o of ops?.ops ?? []) expect(u?.fields.map((f) => f.name)).toContain(o.member);
    const since = (name: string) => model.constants.find((c) => c.name === name)?.since;
    expect([since('XEN_DMOP_inject_msi'), since('XEN_DMOP_remote_shutdown'), since('XEN_DMOP_relocate_memory'), since('XEN_DMOP_nr_vcpus')]).toEqual(['4.9', '4.10', '4.11', '4.15']);
  });

  it('spells the flag and the delete marker as Xen does', () => {
    const constant = (name: string) => model.constants.find((c) => c.name === name);
    expect(constant('XEN_DMOP_no_gfns')).toMatchObject({ value: '1', cType: 'unsigned int', spelling: 'shift', bitConstant: '_XEN_DMOP_no_gfns', since: '4.11' });
    expect(constant('_XEN_DMOP_no_gfns')).toMatchObject({ value: '0', cType: 'int', since: '4.11' });
    expect(constant('XEN_DMOP_DELETE_MEM_CACHEATTR')).toMatchObject({ value: '4294967295', cType: 'unsigned int', since: '4.11' });
    expect(model.sets.find((s) => s.name === 'XEN_DMOP_get_ioreq_server_info_flags')).toMatchObject({
      kind: 'flags',
      field: 'xen_dm_op_get_ioreq_server_info.flags',
      flags: [{ mask: 'XEN_DMOP_no_gfns', bit: 0, bitConstant: '_XEN_DMOP_no_gfns' }],
    });
  });

  it('declares a direction on every member of every payload but padding and Xen\'s continuation state', () => {
    const ops = model.sets.find((s) => s.name === 'XEN_DMOP')?.ops ?? [];
    const payloads = new Set(ops.map((o) => o.record));
    const undirected = model.records
      .filter((r) => payloads.has(r.name))
      .flatMap((r) => r.fields.filter((f) => !f.padding && !f.direction).map((f) => `${r.name}.${f.name}`));
    expect(undirected).toEqual(['xen_dm_op_modified_memory.opaque', 'xen_dm_op_map_mem_type_to_ioreq_server.opaque']);
    const direction = (record: string, field: string) => model.records.find((r) => r.name === record)?.fields.find((f) => f.name === field)?.direction;
    expect(direction('xen_dm_op_create_ioreq_server', 'handle_bufioreq')).toBe('in');
    expect(direction('xen_dm_op_create_ioreq_server', 'id')).toBe('out');
    expect(direction('xen_dm_op_get_ioreq_server_info', 'ioreq_gfn')).toBe('out');
    expect(direction('xen_dm_op_relocate_memory', 'src_gfn')).toBe('inout');
    expect(direction('xen_dm_op_nr_vcpus', 'vcpus')).toBe('out');
    expect(model.records.find((r) => r.name === 'xen_dm_op')?.fields.some((f) => f.direction)).toBe(false);
  });

  it('exports the directions of each payload in xenabi-abi/1', () => {
    const doc = exportAbi(atRelease(model, '4.22'));
    expect(doc.includes).toContain('directions');
    expect(doc.records.xen_dm_op_create_ioreq_server?.directions).toEqual({ handle_bufioreq: 'in', id: 'out' });
    expect(doc.records.xen_dm_op_modified_memory?.directions).toEqual({ nr_extents: 'in' });
    expect(doc.records.xen_dm_op?.directions).toBeUndefined();
  });
});
