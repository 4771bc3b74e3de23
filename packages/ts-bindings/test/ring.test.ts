/**
 * The ring runtime over the blkif ring: both ends over one page, in an ArrayBuffer and in a
 * SharedArrayBuffer (Atomics), with Xen's notification rule and its overflow guards; and the
 * byte rings of the console page.
 */
import { describe, expect, it } from 'vitest';
import { ARCHES, BackRing, ByteRingReader, ByteRingWriter, FrontRing } from '../src/index.js';
import { blkif_ring, type blkif_request, type blkif_response, BLKIF_OP_READ, BLKIF_RSP_OKAY } from '../src/stable/blkif.js';
import { xencons_interface_in_ring, xencons_interface_out_ring } from '../src/stable/console.js';

const request = (id: number): blkif_request => ({
  operation: BLKIF_OP_READ,
  nr_segments: 1,
  handle: 51712,
  id: BigInt(id),
  sector_number: BigInt(id * 8),
  seg: Array.from({ length: 11 }, (_, i) => ({ gref: i === 0 ? 100 + id : 0, first_sect: 0, last_sect: i === 0 ? 7 : 0 })),
});
const response = (id: bigint): blkif_response => ({ id, operation: BLKIF_OP_READ, status: BLKIF_RSP_OKAY });

describe('blkif ring', () => {
  for (const make of [() => new ArrayBuffer(4096), () => new SharedArrayBuffer(4096)]) {
    for (const arch of ARCHES) {
      it(`carries requests and responses on ${arch} over ${make().constructor.name}`, () => {
        const page = make();
        const front = FrontRing.init(blkif_ring, page, { arch });
        const back = BackRing.attach(blkif_ring, page, { arch });
        expect(front.size).toBe(32);
        expect(blkif_ring.entries[arch]).toBe(32);
        front.queueRequest(request(1));
        front.queueRequest(request(2));
        expect(front.pushRequests()).toBe(true); // req_event 1 lies in (0, 2]
        expect(back.unconsumedRequests).toBe(2);
        expect(back.takeRequest()).toEqual(request(1));
        expect(back.takeRequest()).toEqual(request(2));
        expect(back.takeRequest()).toBeUndefined();
        expect(back.finalCheckForRequests()).toBe(false); // now asks for an event at 3
        back.queueResponse(response(1n));
        expect(back.pushResponses()).toBe(true);
        front.queueRequest(request(3));
        expect(front.pushRequests()).toBe(true);
        expect(front.takeResponse()).toEqual(response(1n));
        expect(front.takeResponse()).toBeUndefined();
        // The back end did not ask again: the next push needs no event.
        front.queueRequest(request(4));
        expect(front.pushRequests()).toBe(false);
      });
    }
  }

  it('fills at 32 outstanding requests and refuses an over-eager back end', () => {
    const page = new ArrayBuffer(4096);
    const front = FrontRing.init(blkif_ring, page, { arch: 'x86_64' });
    for (let i = 0; i < 32; i++) front.queueRequest(request(i));
    expect(front.freeRequests).toBe(0);
    expect(() => front.queueRequest(request(99))).toThrow(/full/);
    new DataView(page).setUint32(8, 33, true); // rsp_prod: more responses than slots
    expect(() => front.takeResponse()).toThrow(/claims 33 responses/);
  });

  it('wraps its free-running indices at 2^32', () => {
    const page = new ArrayBuffer(4096);
    const start = 0xffff_fffe;
    const front = FrontRing.attach(blkif_ring, page, { arch: 'arm64', start });
    const back = BackRing.attach(blkif_ring, page, { arch: 'arm64', start });
    new DataView(page).setUint32(0, start, true);
    new DataView(page).setUint32(8, start, true);
    for (let i = 0; i < 4; i++) front.queueRequest(request(i));
    front.pushRequests();
    expect(new DataView(page).getUint32(0, true)).toBe(2);
    for (let i = 0; i < 4; i++) expect(back.takeRequest()?.id).toBe(BigInt(i));
  });

  it('refuses a page too small for one entry', () => {
    expect(() => FrontRing.init(blkif_ring, new ArrayBuffer(100), { arch: 'x86_64', size: 100 })).toThrow(/hold no entry/);
    expect(() => FrontRing.init(blkif_ring, new ArrayBuffer(100), { arch: 'x86_64' })).toThrow(/4096 are needed/);
  });
});

describe('console byte rings', () => {
  for (const make of [() => new ArrayBuffer(4096), () => new SharedArrayBuffer(4096)]) {
    it(`carries the guest's output and its input over ${make().constructor.name}`, () => {
      const page = make();
      const guestOut = new ByteRingWriter(page, xencons_interface_out_ring.x86_64);
      const daemonIn = new ByteRingReader(page, xencons_interface_out_ring.x86_64);
      expect(guestOut.space).toBe(2048);
      expect(guestOut.write(new TextEncoder().encode('hello\n'))).toBe(6);
      expect(new TextDecoder().decode(daemonIn.read())).toBe('hello\n');
      expect(daemonIn.available).toBe(0);
      const keys = new ByteRingWriter(page, xencons_interface_in_ring.arm32);
      expect(keys.write(new Uint8Array(1500).fill(0x61))).toBe(1024); // the input ring holds 1024
      expect(new ByteRingReader(page, xencons_interface_in_ring.arm32).read(10)).toEqual(new Uint8Array(10).fill(0x61));
      expect(keys.space).toBe(10);
    });
  }

  it('wraps its indices and refuses a reader that claims too much', () => {
    const page = new ArrayBuffer(4096);
    const view = new DataView(page);
    const out = xencons_interface_out_ring.x86_32;
    view.setUint32(out.cons, 0xffff_fffc, true);
    view.setUint32(out.prod, 0xffff_fffc, true);
    expect(new ByteRingWriter(page, out).write(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8))).toBe(8);
    expect(view.getUint32(out.prod, true)).toBe(4);
    expect([...new ByteRingReader(page, out).read()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    view.setUint32(out.prod, 5000, true);
    view.setUint32(out.cons, 0, true);
    expect(() => new ByteRingReader(page, out).available).toThrow(/5000 bytes claimed in a ring of 2048/);
    expect(() => new ByteRingWriter(new ArrayBuffer(100), out)).toThrow(/needs 3088 bytes/);
  });
});
