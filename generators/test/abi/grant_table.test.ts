// Layouts and history of abi/stable/grant_table.ts, checked against clang's sizeof,
// _Alignof and offsetof for Xen's grant_table.h (Debian's 4.17 headers, and the release tags
// 4.6, 4.9, 4.10, 4.12, 4.15, 4.16 and 4.22) on i386, x86_64, armhf and aarch64.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import { ArchLayout } from '../../src/layout/engine.js';
import { ARCHES } from '../../src/model/arch.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const layout = (arch: Arch, name: string, release = '4.17') => new ArchLayout(atRelease(model, release), arch).record(name);
const offsets = (arch: Arch, name: string, release = '4.17') => Object.fromEntries(layout(arch, name, release).fields.map((f) => [f.name, f.offset]));
const WIDE = ['x86_64', 'arm32', 'arm64'] as const;
const ofModule = <T extends { module: string }>(items: T[]) => items.filter((i) => i.module === 'grant_table');

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('grant_table layouts', () => {
  it('lays out gnttab_map_grant_ref alike everywhere, 4-byte aligned on x86_32', () => {
    const expected = { host_addr: 0, flags: 8, ref: 12, dom: 16, status: 18, handle: 20, dev_bus_addr: 24 };
    for (const arch of ARCHES) {
      expect(layout(arch, 'gnttab_map_grant_ref')).toMatchObject({ size: 32, align: arch === 'x86_32' ? 4 : 8, holes: [] });
      expect(offsets(arch, 'gnttab_map_grant_ref')).toEqual(expected);
    }
  });

  it('makes every version 2 entry 16 bytes', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'grant_entry_v2')).toMatchObject({ size: 16, align: arch === 'x86_32' ? 4 : 8 });
      expect(layout(arch, 'grant_entry_v2.full_page')).toMatchObject({ size: 16 });
      expect(offsets(arch, 'grant_entry_v2.sub_page')).toEqual({ hdr: 0, page_off: 4, length: 6, frame: 8 });
      expect(layout(arch, 'grant_entry_v2.transitive')).toMatchObject({ size: 12, align: 4 });
      expect(layout(arch, 'grant_entry_v1')).toMatchObject({ size: 8, align: 4 });
    }
  });

  it('sizes the records holding a guest handle or a frame number by the architecture', () => {
    expect(layout('x86_32', 'gnttab_setup_table')).toMatchObject({ size: 16, align: 4 });
    expect(offsets('x86_32', 'gnttab_setup_table').frame_list).toBe(12);
    expect(layout('x86_32', 'gnttab_transfer')).toMatchObject({ size: 16, align: 4 });
    expect(layout('x86_32', 'gnttab_copy')).toMatchObject({ size: 24, align: 4 });
    expect(layout('x86_32', 'gnttab_get_status_frames')).toMatchObject({ size: 12, align: 4 });
    for (const arch of WIDE) {
      expect(layout(arch, 'gnttab_setup_table')).toMatchObject({ size: 24, align: 8 });
      expect(offsets(arch, 'gnttab_setup_table').frame_list).toBe(16);
      expect(layout(arch, 'gnttab_transfer')).toMatchObject({ size: 24, align: 8 });
      expect(offsets(arch, 'gnttab_copy')).toEqual({ source: 0, dest: 16, len: 32, flags: 34, status: 36 });
      expect(layout(arch, 'gnttab_copy')).toMatchObject({ size: 40, align: 8 });
      expect(layout(arch, 'gnttab_get_status_frames')).toMatchObject({ size: 16, align: 8 });
    }
    for (const arch of ARCHES) expect(offsets(arch, 'gnttab_cache_flush')).toEqual({ a: 0, offset: 8, length: 10, op: 12 });
  });

  it('did not change a layout between 4.6 and 4.22', () => {
    for (const arch of ARCHES) {
      for (const r of ofModule(model.records)) expect(layout(arch, r.name, '4.22'), `${r.name} on ${arch}`).toEqual(layout(arch, r.name, '4.6'));
    }
  });
});

describe('grant_table history', () => {
  const constant = (name: string) => model.constants.find((c) => c.name === name);
  const names = (release: string) => ofModule(atRelease(model, release).constants).map((c) => c.name);

  it('has the 22 records and 72 constants of Xen 4.17 (73 in 4.15)', () => {
    expect(ofModule(atRelease(model, '4.17').records)).toHaveLength(22);
    expect(names('4.17')).toHaveLength(72);
    expect(names('4.15')).toHaveLength(73);
  });

  it('drops GNTMAP_can_fail in 4.16 and adds GNTST_no_space there', () => {
    expect(names('4.15')).toEqual(expect.arrayContaining(['GNTMAP_can_fail', '_GNTMAP_can_fail']));
    expect(names('4.16')).not.toContain('GNTMAP_can_fail');
    expect(names('4.16')).not.toContain('_GNTMAP_can_fail');
    expect(constant('GNTST_no_space')).toMatchObject({ since: '4.16', value: '-13' });
  });

  it('keeps the bits of GNTTAB_CACHE_SOURCE_GREF while its type turns unsigned in 4.10', () => {
    expect(constant('GNTTAB_CACHE_SOURCE_GREF')).toMatchObject({
      value: '-2147483648',
      cType: 'int',
      history: [{ since: '4.10', value: '2147483648', cType: 'unsigned int' }],
    });
    expect(constant('GNTTAB_CACHE_CLEAN')).toMatchObject({ value: '1', cType: 'int', history: [{ since: '4.10', value: '1', cType: 'unsigned int' }] });
    const at = (release: string, name: string) => atRelease(model, release).constants.find((c) => c.name === name);
    expect(at('4.9', 'GNTTAB_CACHE_SOURCE_GREF')).toMatchObject({ value: '-2147483648', cType: 'int' });
    expect(at('4.10', 'GNTTAB_CACHE_SOURCE_GREF')).toMatchObject({ value: '2147483648', cType: 'unsigned int' });
    expect(at('4.9', 'GNTTAB_CACHE_INVAL')).toMatchObject({ value: '2', cType: 'int' });
    expect(at('4.22', 'GNTTAB_CACHE_INVAL')).toMatchObject({ value: '2', cType: 'unsigned int' });
  });
});

describe('grant_table interface-version gating', () => {
  it('hides the version 2 items from guests below interface 0x0003020a', () => {
    const gated = (items: { name: string; guestInterface?: { min: string } }[]) =>
      items.filter((i) => i.guestInterface?.min === '0x0003020a').map((i) => i.name).sort();
    expect(gated(ofModule(model.records))).toEqual([
      'gnttab_cache_flush',
      'gnttab_cache_flush.a',
      'gnttab_get_status_frames',
      'gnttab_get_version',
      'gnttab_set_version',
      'gnttab_swap_grant_ref',
      'grant_entry_header',
      'grant_entry_v2',
      'grant_entry_v2.full_page',
      'grant_entry_v2.sub_page',
      'grant_entry_v2.transitive',
    ]);
    expect(gated(ofModule(model.aliases))).toEqual(['grant_status_t']);
    expect(gated(ofModule(model.constants))).toEqual([
      'GNTTABOP_cache_flush',
      'GNTTABOP_get_status_frames',
      'GNTTABOP_get_version',
      'GNTTABOP_set_version',
      'GNTTABOP_swap_grant_ref',
      'GNTTAB_CACHE_CLEAN',
      'GNTTAB_CACHE_INVAL',
      'GNTTAB_CACHE_SOURCE_GREF',
    ]);
  });

  it('names grant_entry_v1 grant_entry for old guests, and their setup_table handle ulong', () => {
    expect(model.records.find((r) => r.name === 'grant_entry_v1')?.legacyName).toEqual({
      name: 'grant_entry',
      typedef: 'grant_entry_t',
      belowInterfaceVersion: '0x0003020a',
    });
    const frameList = model.records.find((r) => r.name === 'gnttab_setup_table')?.fields.find((f) => f.name === 'frame_list');
    expect(frameList?.legacyType).toEqual({
      type: { kind: 'handle', width: 'native', target: 'ulong', pointee: 'unsigned long' },
      belowInterfaceVersion: '0x00040300',
    });
  });
});
