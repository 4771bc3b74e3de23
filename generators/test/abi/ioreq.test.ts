// Layouts of abi/stable/ioreq.ts, checked against clang's sizeof/offsetof (and, for the
// bit-fields, the bytes of initialised objects) for the Xen 4.17 header on i386, x86_64,
// armhf and aarch64.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import { ArchLayout } from '../../src/layout/engine.js';
import { ARCHES } from '../../src/model/arch.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const layout = (arch: Arch, name: string) => new ArchLayout(atRelease(model, '4.22'), arch).record(name);
const bitsOf = (arch: Arch, record: string) =>
  Object.fromEntries(layout(arch, record).fields.filter((f) => f.bitWidth !== undefined).map((f) => [f.name, [f.bitOffset, f.bitWidth]]));

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('ioreq', () => {
  it('packs the ioreq bit-fields into byte 30, before type', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'ioreq')).toMatchObject({ size: 32, align: arch === 'x86_32' ? 4 : 8, holes: [] });
      expect(bitsOf(arch, 'ioreq')).toEqual({ state: [240, 4], data_is_ptr: [244, 1], dir: [245, 1], df: [246, 1], _pad1: [247, 1] });
      expect(layout(arch, 'ioreq').fields.find((f) => f.name === 'type')).toMatchObject({ offset: 31, size: 1 });
    }
  });

  it('fits a buf_ioreq in 8 bytes with a 20-bit address', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'buf_ioreq')).toMatchObject({ size: 8, align: 4, holes: [] });
      expect(bitsOf(arch, 'buf_ioreq')).toEqual({ pad: [8, 1], dir: [9, 1], size: [10, 2], addr: [12, 20] });
    }
  });

  it('fills exactly one page with the buffered ring', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'buffered_iopage')).toMatchObject({ size: 4096, align: 4 });
      expect(layout(arch, 'shared_iopage')).toMatchObject({ size: 32 });
    }
  });

  it('ties the request state and type values to their fields', () => {
    expect(model.sets.find((s) => s.name === 'STATE_IOREQ')).toMatchObject({ field: 'ioreq.state' });
    expect(model.sets.find((s) => s.name === 'IOREQ_TYPE')?.values).toEqual([
      'IOREQ_TYPE_PIO', 'IOREQ_TYPE_COPY', 'IOREQ_TYPE_PCI_CONFIG', 'IOREQ_TYPE_TIMEOFFSET', 'IOREQ_TYPE_INVALIDATE',
    ]);
    expect(model.constants.find((c) => c.name === 'ACPI_GPE0_BLK_ADDRESS_V0')?.value).toBe('8040');
  });
});
