/**
 * One end of the blkif ring round trip, in TypeScript on @xenabi/ts-bindings' ring runtime:
 * `play(page, phase, arch)` plays phase A..G (README.md) on the page's bytes and returns the
 * transcript lines every peer prints.
 */
import { BackRing, FrontRing, type Arch } from '../../packages/ts-bindings/src/index.js';
import { blkif_ring, BLKIF_OP_READ, BLKIF_RSP_OKAY, type blkif_request, type blkif_response } from '../../packages/ts-bindings/src/stable/blkif.js';

type Front = FrontRing<blkif_request, blkif_response>;
type Back = BackRing<blkif_request, blkif_response>;

/** The request every peer sends as number `id`: a one-segment read of sectors 8 * id ..= 8 * id + 7. */
function request(id: number): blkif_request {
  const seg = Array.from({ length: 11 }, (_, i) => ({ gref: i === 0 ? 100 + id : 0, first_sect: 0, last_sect: i === 0 ? 7 : 0 }));
  return { operation: BLKIF_OP_READ, nr_segments: 1, handle: 51712, id: BigInt(id), sector_number: BigInt(id * 8), seg };
}

function frontPush(out: string[], phase: string, front: Front, ids: number[]): void {
  for (const id of ids) front.queueRequest(request(id));
  out.push(`${phase} push notify=${Number(front.pushRequests())}`);
}

function frontCollect(out: string[], phase: string, front: Front): void {
  for (let rsp = front.takeResponse(); rsp; rsp = front.takeResponse()) out.push(`${phase} rsp id=${rsp.id} op=${rsp.operation} status=${rsp.status}`);
  out.push(`${phase} final work=${Number(front.finalCheckForResponses())}`);
}

function backServe(out: string[], phase: string, back: Back): void {
  const ids: bigint[] = [];
  for (let req = back.takeRequest(); req; req = back.takeRequest()) {
    const seg = req.seg[0]!;
    out.push(`${phase} req id=${req.id} op=${req.operation} nseg=${req.nr_segments} handle=${req.handle} sector=${req.sector_number} gref=${seg.gref} first=${seg.first_sect} last=${seg.last_sect}`);
    ids.push(req.id);
  }
  out.push(`${phase} final work=${Number(back.finalCheckForRequests())}`);
  for (const id of ids) back.queueResponse({ id, operation: BLKIF_OP_READ, status: BLKIF_RSP_OKAY });
  out.push(`${phase} push notify=${Number(back.pushResponses())}`);
}

/** Plays `phase` on `page` (4096 bytes) as `arch` lays the ring out; returns the transcript lines. */
export function play(page: Uint8Array, phase: string, arch: Arch): string[] {
  const out: string[] = [];
  const options = { arch };
  const size = (ring: { size: number }) => out.push(`${phase} ring size=${ring.size}`);
  switch (phase) {
    case 'A': {
      const front = FrontRing.init(blkif_ring, page, options);
      size(front);
      frontPush(out, phase, front, [1, 2, 3]);
      break;
    }
    case 'B':
    case 'F': {
      const back = BackRing.attach(blkif_ring, page, { ...options, start: phase === 'B' ? 0 : 3 });
      size(back);
      backServe(out, phase, back);
      break;
    }
    case 'C':
    case 'G': {
      const front = FrontRing.attach(blkif_ring, page, { ...options, start: phase === 'C' ? 0 : 3 });
      size(front);
      frontCollect(out, phase, front);
      break;
    }
    case 'E': {
      const front = FrontRing.attach(blkif_ring, page, { ...options, start: 3 });
      size(front);
      frontPush(out, phase, front, [4]);
      frontPush(out, phase, front, [5]);
      break;
    }
    default:
      throw new Error(`ts peer: unknown phase ${phase}`);
  }
  return out;
}
