// Layouts of abi/stable/argo.ts, checked against clang's sizeof/offsetof for the Xen 4.17
// headers on i386, x86_64, armhf and aarch64.
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

describe('argo', () => {
  it('sizes xen_argo_iov by the guest handle: 12 bytes on x86_32, 16 elsewhere', () => {
    expect(layout('x86_32', 'xen_argo_iov')).toMatchObject({ size: 12, align: 4, holes: [] });
    expect(field('x86_32', 'xen_argo_iov', 'iov_len')).toMatchObject({ offset: 4 });
    for (const arch of ['x86_64', 'arm32', 'arm64'] as const) {
      expect(layout(arch, 'xen_argo_iov')).toMatchObject({ size: 16, align: 8, holes: [] });
      expect(field(arch, 'xen_argo_iov', 'iov_len')).toMatchObject({ offset: 8 });
    }
  });

  it('lays out the ring, its message header and the notify entries the same everywhere', () => {
    for (const arch of ARCHES) {
      expect(layout(arch, 'xen_argo_ring')).toMatchObject({ size: 64, align: 4 });
      expect(field(arch, 'xen_argo_ring', 'ring')).toMatchObject({ offset: 64, size: 0, flexibleArray: true });
      expect(layout(arch, 'xen_argo_ring_message_header')).toMatchObject({ size: 16, align: 4 });
      expect(field(arch, 'xen_argo_ring_message_header', 'data')).toMatchObject({ offset: 16, flexibleArray: true });
      expect(layout(arch, 'xen_argo_ring_data_ent')).toMatchObject({ size: 20, align: 4, holes: [] });
      expect(field(arch, 'xen_argo_ring_data_ent', 'space_required')).toMatchObject({ offset: 12 });
      expect(field(arch, 'xen_argo_ring_data', 'data')).toMatchObject({ offset: 8, flexibleArray: true });
      expect(layout(arch, 'xen_argo_register_ring')).toMatchObject({ size: 12, align: 4 });
    }
  });

  it('exists from Xen 4.12 and builds on xen.h', () => {
    expect(() => layout('x86_64', 'xen_argo_addr', '4.11')).toThrow();
    expect(model.modules.find((m) => m.name === 'argo')?.imports).toEqual(['xen']);
  });

  it('declares the notify flags as bits 0 to 5', () => {
    const flags = model.sets.find((s) => s.name === 'XEN_ARGO_RING');
    expect(flags?.field).toBe('xen_argo_ring_data_ent.flags');
    expect(flags?.flags?.map((f) => f.bit)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(model.constants.find((c) => c.name === 'XEN_ARGO_RING_EBUSY')?.value).toBe('32');
  });
});
