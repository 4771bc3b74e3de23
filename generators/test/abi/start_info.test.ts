// Layouts of abi/stable/start_info.ts, checked against clang's sizeof/offsetof for the Xen
// 4.17 header on i386 and x86_64, and on Arm, where the same fixed-width layout holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import { ArchLayout } from '../../src/layout/engine.js';
import { ARCHES } from '../../src/model/arch.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const layout = (arch: Arch, name: string, release = '4.22') => new ArchLayout(atRelease(model, release), arch).record(name);
const field = (arch: Arch, record: string, name: string) => layout(arch, record).fields.find((f) => f.name === name);

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('start_info', () => {
  it('is declared on every architecture, for PVH loaders on any host', () => {
    expect(model.modules.find((m) => m.name === 'start_info')?.archs).toBeUndefined();
  });

  it('makes hvm_start_info 56 bytes from 4.11 and 40 bytes before', () => {
    for (const arch of ARCHES) {
      const align = arch === 'x86_32' ? 4 : 8;
      expect(layout(arch, 'hvm_start_info')).toMatchObject({ size: 56, align, holes: [] });
      expect(field(arch, 'hvm_start_info', 'modlist_paddr')).toMatchObject({ offset: 16, size: 8 });
      expect(field(arch, 'hvm_start_info', 'memmap_paddr')).toMatchObject({ offset: 40, size: 8 });
      expect(field(arch, 'hvm_start_info', 'memmap_entries')).toMatchObject({ offset: 48, size: 4 });
      expect(field(arch, 'hvm_start_info', 'reserved')).toMatchObject({ offset: 52, size: 4, padding: true });
      expect(layout(arch, 'hvm_start_info', '4.10')).toMatchObject({ size: 40, align });
    }
    expect(model.records.find((r) => r.name === 'hvm_start_info')?.growable?.versionField).toBe('version');
  });

  it('lays out the module list and memory map entries', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'hvm_modlist_entry')).toMatchObject({ size: 32 });
      expect(layout(arch, 'hvm_memmap_table_entry')).toMatchObject({ size: 24 });
      expect(field(arch, 'hvm_memmap_table_entry', 'type')).toMatchObject({ offset: 16, size: 4 });
      expect(() => layout(arch, 'hvm_memmap_table_entry', '4.10')).toThrow();
    }
  });

  it('spells the magic number in hex', () => {
    expect(model.constants.find((c) => c.name === 'XEN_HVM_START_MAGIC_VALUE')).toMatchObject({ value: '862897528', spelling: 'hex' });
  });
});
