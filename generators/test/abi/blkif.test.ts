// Layouts of abi/stable/blkif.ts and of its ring, and usbif's ring sizes, as Xen 4.17's headers
// have them on i386, x86_64, armhf and aarch64 (figures read from clang's sizeof/offsetof and
// __CONST_RING_SIZE of those headers).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAbi } from '../../src/load/index.js';
import { ArchLayout } from '../../src/layout/engine.js';
import { ARCHES } from '../../src/model/arch.js';
import type { AbiModel, Arch } from '../../src/model/types.js';
import { atRelease } from '../../src/select/release.js';

const ABI_DIR = new URL('../../../abi', import.meta.url).pathname;
let model: AbiModel;
const engine = (arch: Arch) => new ArchLayout(atRelease(model, '4.22'), arch);
const wide = (arch: Arch) => arch !== 'x86_32';

beforeAll(async () => {
  model = (await loadAbi(ABI_DIR)).model;
});

describe('blkif', () => {
  it('lays out requests and responses as Xen does', () => {
    for (const arch of ARCHES) {
      const l = engine(arch);
      expect(l.record('blkif_request')).toMatchObject({ size: wide(arch) ? 112 : 108, align: wide(arch) ? 8 : 4 });
      expect(l.record('blkif_request_indirect')).toMatchObject({ size: 64 });
      expect(l.record('blkif_request_discard')).toMatchObject({ size: wide(arch) ? 32 : 28 });
      expect(l.record('blkif_response')).toMatchObject({ size: wide(arch) ? 16 : 12 });
      expect(l.record('blkif_request').fields.find((f) => f.name === 'seg')).toMatchObject({ offset: wide(arch) ? 24 : 20, size: 88 });
    }
  });

  it('places 32 entries after the 64-byte head of the ring page', () => {
    for (const arch of ARCHES) {
      // Aligned as its entries, which C declares as its last member.
      expect(engine(arch).record('blkif_sring')).toMatchObject({ size: 64, align: wide(arch) ? 8 : 4 });
      expect(engine(arch).ring('blkif_sring')).toEqual({ name: 'blkif', pageSize: 4096, entriesOffset: 64, entrySize: wide(arch) ? 112 : 108, entries: 32 });
    }
  });

  it("aligns a ring page as its entries in each release: sndif's took 8 bytes in 4.11, where uint64_t has them", () => {
    for (const arch of ARCHES) {
      const at = (release: string) => new ArchLayout(atRelease(model, release), arch);
      expect(at('4.10').record('xen_sndif_sring')).toMatchObject({ size: 64, align: 4 });
      expect(at('4.10').record('xen_sndif_sring_entry').align).toBe(4);
      expect(at('4.11').record('xen_sndif_sring')).toMatchObject({ size: 64, align: wide(arch) ? 8 : 4 });
      expect(at('4.11').record('xen_sndif_sring').holes).toEqual([]);
    }
  });

  it('marks the ring page with its protocol', () => {
    const sring = model.records.find((r) => r.name === 'blkif_sring');
    expect(sring?.ring).toEqual({ name: 'blkif', request: 'blkif_request', response: 'blkif_response', entry: 'blkif_sring_entry', entries: 'ring', pageSize: 4096 });
    expect(model.records.find((r) => r.name === 'blkif_sring_entry')).toMatchObject({ kind: 'union', module: 'blkif' });
  });

  it('counts the entries of usbif\'s rings as Xen\'s __CONST_RING_SIZE does', () => {
    const value = (name: string) => model.constants.find((c) => c.name === name);
    expect(value('USB_URB_RING_SIZE')).toMatchObject({ value: '16', cType: 'unsigned long', ringEntries: 'usbif_urb_sring' });
    expect(value('USB_URB_RING_SIZE')?.values).toBeUndefined();
    expect(value('USB_CONN_RING_SIZE')).toMatchObject({ value: '512' });
    for (const arch of ARCHES) expect(engine(arch).ring('usbif_urb_sring')).toMatchObject({ entrySize: 148, entries: 16 });
  });

  it('refuses a record that is no ring', () => {
    expect(() => engine('x86_64').ring('blkif_request')).toThrow(/no ring's shared page/);
  });
});
