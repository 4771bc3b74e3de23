/**
 * Shared-memory request/response rings (Xen's io/ring.h): the front and back ends of a PV
 * protocol's ring over one page, and the writer and reader of a byte ring (console, xenstore), held in any ArrayBuffer, SharedArrayBuffer or view of one
 * (a page mapped from another domain, a file-backed mapping). On a SharedArrayBuffer every
 * index is read and written with Atomics, which order the entries before the index that
 * publishes them, as Xen's barriers do; on other buffers the other end is not a JavaScript
 * thread and plain reads and writes are all the language has.
 */
import type { Arch, RecordCodec, RecordView } from './runtime.js';

/** A protocol's ring: its request and response codecs, and where its entries lie on each architecture. */
export interface RingProtocol<Req, Rsp> {
  /** The protocol's prefix (`blkif`). */
  readonly name: string;
  readonly request: RecordCodec<Req, RecordView>;
  readonly response: RecordCodec<Rsp, RecordView>;
  /** Bytes from the start of the page to the first entry. */
  readonly entriesOffset: Readonly<Record<Arch, number>>;
  /** Bytes of one entry. */
  readonly entrySize: Readonly<Record<Arch, number>>;
  /** Entries in the protocol's page (`__CONST_RING_SIZE`). */
  readonly entries: Readonly<Record<Arch, number>>;
  /** Bytes of the protocol's page. */
  readonly pageSize: number;
}

/** Where a ring lives: the page's bytes and the architecture both ends follow. */
export interface RingOptions {
  readonly arch: Arch;
  /** Bytes of shared memory from `page`'s start; the protocol's page size by default. */
  readonly size?: number;
}

/** Byte offsets of the four indices at the head of every ring page. */
const REQ_PROD = 0;
const REQ_EVENT = 4;
const RSP_PROD = 8;
const RSP_EVENT = 12;

/** The indices of a page, read and written with Atomics when the memory is shared. */
class Indices {
  private readonly shared: Int32Array | undefined;
  private readonly view: DataView;

  constructor(page: ArrayBufferLike | ArrayBufferView, bytes: Uint8Array) {
    const buffer = ArrayBuffer.isView(page) ? page.buffer : page;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const isShared = typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;
    this.shared = isShared ? new Int32Array(bytes.buffer, bytes.byteOffset, 4) : undefined;
  }

  get(offset: number): number {
    return this.shared ? Atomics.load(this.shared, offset / 4) >>> 0 : this.view.getUint32(offset, true);
  }

  set(offset: number, value: number): void {
    if (this.shared) Atomics.store(this.shared, offset / 4, value | 0);
    else this.view.setUint32(offset, value >>> 0, true);
  }
}

/** The bytes of the ring page: `page` whole, or the view's window. */
function pageBytes(page: ArrayBufferLike | ArrayBufferView, size: number, name: string): Uint8Array {
  const bytes = ArrayBuffer.isView(page) ? new Uint8Array(page.buffer, page.byteOffset, page.byteLength) : new Uint8Array(page);
  if (bytes.byteLength < size) throw new RangeError(`${name} ring: the page has ${bytes.byteLength} bytes, ${size} are needed`);
  if (bytes.byteOffset % 8 !== 0) throw new RangeError(`${name} ring: the page must start 8-byte aligned in its buffer (it starts at byte ${bytes.byteOffset})`);
  return bytes.subarray(0, size);
}

/** Entries in `size` bytes after the head: the largest power of two that fits (`__RING_SIZE`). */
function entriesIn(size: number, offset: number, entrySize: number): number {
  const fit = Math.floor((size - offset) / entrySize);
  return fit < 1 ? 0 : 2 ** Math.floor(Math.log2(fit));
}

const u32 = (value: number) => value >>> 0;

/** What both ends share: the page, its indices and the slot of an index. */
abstract class RingEnd<Req, Rsp> {
  protected readonly idx: Indices;
  protected readonly bytes: Uint8Array;
  /** Entries in the ring: a power of two. */
  readonly size: number;
  protected readonly arch: Arch;
  private readonly offset: number;
  private readonly entrySize: number;
  readonly protocol: RingProtocol<Req, Rsp>;

  protected constructor(protocol: RingProtocol<Req, Rsp>, page: ArrayBufferLike | ArrayBufferView, options: RingOptions) {
    this.protocol = protocol;
    this.arch = options.arch;
    this.bytes = pageBytes(page, options.size ?? protocol.pageSize, protocol.name);
    this.idx = new Indices(page, this.bytes);
    this.offset = protocol.entriesOffset[this.arch];
    this.entrySize = protocol.entrySize[this.arch];
    this.size = entriesIn(this.bytes.byteLength, this.offset, this.entrySize);
    if (this.size === 0) throw new RangeError(`${protocol.name} ring: ${this.bytes.byteLength} bytes hold no entry`);
  }

  /** Byte offset of the slot of free-running index `i`. */
  protected slot(i: number): number {
    return this.offset + (u32(i) & (this.size - 1)) * this.entrySize;
  }

  /** Whether the other end asked to be told of entries up to `next`, published over `previous` (`*_AND_CHECK_NOTIFY`). */
  protected static notify(next: number, previous: number, event: number): boolean {
    return u32(next - event) < u32(next - previous);
  }
}

/** The front end: queues requests, publishes them, takes responses. */
export class FrontRing<Req, Rsp> extends RingEnd<Req, Rsp> {
  /** Requests queued, published or not (Xen's `req_prod_pvt`). */
  reqProdPvt = 0;
  /** The next response to take (`rsp_cons`). */
  rspCons = 0;

  /** Initialises the shared page (`SHARED_RING_INIT`) and attaches to it: what a front end does first. */
  static init<Req, Rsp>(protocol: RingProtocol<Req, Rsp>, page: ArrayBufferLike | ArrayBufferView, options: RingOptions): FrontRing<Req, Rsp> {
    const ring = new FrontRing(protocol, page, options);
    ring.bytes.fill(0, 16, protocol.entriesOffset[options.arch]);
    ring.idx.set(REQ_PROD, 0);
    ring.idx.set(RSP_PROD, 0);
    ring.idx.set(REQ_EVENT, 1);
    ring.idx.set(RSP_EVENT, 1);
    return ring;
  }

  /** Attaches to a page already initialised, at index `start` (`FRONT_RING_ATTACH`). */
  static attach<Req, Rsp>(protocol: RingProtocol<Req, Rsp>, page: ArrayBufferLike | ArrayBufferView, options: RingOptions & { start?: number }): FrontRing<Req, Rsp> {
    const ring = new FrontRing(protocol, page, options);
    ring.reqProdPvt = ring.rspCons = u32(options.start ?? 0);
    return ring;
  }

  /** Free request slots (`RING_FREE_REQUESTS`). */
  get freeRequests(): number {
    return u32(this.size - u32(this.reqProdPvt - this.rspCons));
  }

  /** Writes `request` into the next slot; it is the back end's once pushed. A full ring is a RangeError. */
  queueRequest(request: Req): void {
    if (this.freeRequests === 0) throw new RangeError(`${this.protocol.name} ring: full (${this.size} requests outstanding)`);
    this.protocol.request.encodeInto(request, this.bytes, { arch: this.arch, offset: this.slot(this.reqProdPvt) });
    this.reqProdPvt = u32(this.reqProdPvt + 1);
  }

  /** Publishes the queued requests; true when the back end asked for an event (`RING_PUSH_REQUESTS_AND_CHECK_NOTIFY`). */
  pushRequests(): boolean {
    const previous = this.idx.get(REQ_PROD);
    this.idx.set(REQ_PROD, this.reqProdPvt);
    return RingEnd.notify(this.reqProdPvt, previous, this.idx.get(REQ_EVENT));
  }

  /** Responses published and not yet taken (`RING_HAS_UNCONSUMED_RESPONSES`). */
  get unconsumedResponses(): number {
    return u32(this.idx.get(RSP_PROD) - this.rspCons);
  }

  /** The next response, copied out of its slot, or undefined when there is none. */
  takeResponse(): Rsp | undefined {
    const produced = this.idx.get(RSP_PROD);
    if (u32(produced - this.rspCons) > this.size) throw new RangeError(`${this.protocol.name} ring: the back end claims ${u32(produced - this.rspCons)} responses in a ring of ${this.size}`);
    if (produced === this.rspCons) return undefined;
    const response = this.protocol.response.decode(this.bytes, { arch: this.arch, offset: this.slot(this.rspCons) });
    this.rspCons = u32(this.rspCons + 1);
    return response;
  }

  /** Before sleeping: asks for an event on the next response, then says whether one came meanwhile (`RING_FINAL_CHECK_FOR_RESPONSES`). */
  finalCheckForResponses(): boolean {
    if (this.unconsumedResponses > 0) return true;
    this.idx.set(RSP_EVENT, u32(this.rspCons + 1));
    return this.unconsumedResponses > 0;
  }
}

/** The back end: takes requests, queues responses in their slots, publishes them. */
export class BackRing<Req, Rsp> extends RingEnd<Req, Rsp> {
  /** Responses queued, published or not (`rsp_prod_pvt`). */
  rspProdPvt = 0;
  /** The next request to take (`req_cons`). */
  reqCons = 0;

  /** Attaches to a page the front end initialised, at index `start` (`BACK_RING_ATTACH`). */
  static attach<Req, Rsp>(protocol: RingProtocol<Req, Rsp>, page: ArrayBufferLike | ArrayBufferView, options: RingOptions & { start?: number }): BackRing<Req, Rsp> {
    const ring = new BackRing(protocol, page, options);
    ring.rspProdPvt = ring.reqCons = u32(options.start ?? 0);
    return ring;
  }

  /** Requests published and not yet taken, never more than the ring holds (`RING_HAS_UNCONSUMED_REQUESTS`). */
  get unconsumedRequests(): number {
    const published = u32(this.idx.get(REQ_PROD) - this.reqCons);
    const room = u32(this.size - u32(this.reqCons - this.rspProdPvt));
    return Math.min(published, room);
  }

  /** The next request, copied out of its slot before anything reads it, or undefined when there is none. */
  takeRequest(): Req | undefined {
    const produced = this.idx.get(REQ_PROD);
    if (u32(produced - this.rspProdPvt) > this.size) throw new RangeError(`${this.protocol.name} ring: the front end claims ${u32(produced - this.rspProdPvt)} requests in a ring of ${this.size}`);
    if (this.unconsumedRequests === 0) return undefined;
    const request = this.protocol.request.decode(this.bytes, { arch: this.arch, offset: this.slot(this.reqCons) });
    this.reqCons = u32(this.reqCons + 1);
    return request;
  }

  /** Writes `response` into the next response slot; the front end's once pushed. */
  queueResponse(response: Rsp): void {
    if (u32(this.reqCons - this.rspProdPvt) === 0) throw new RangeError(`${this.protocol.name} ring: no request taken is left to answer`);
    this.protocol.response.encodeInto(response, this.bytes, { arch: this.arch, offset: this.slot(this.rspProdPvt) });
    this.rspProdPvt = u32(this.rspProdPvt + 1);
  }

  /** Publishes the queued responses; true when the front end asked for an event (`RING_PUSH_RESPONSES_AND_CHECK_NOTIFY`). */
  pushResponses(): boolean {
    const previous = this.idx.get(RSP_PROD);
    this.idx.set(RSP_PROD, this.rspProdPvt);
    return RingEnd.notify(this.rspProdPvt, previous, this.idx.get(RSP_EVENT));
  }

  /** Before sleeping: asks for an event on the next request, then says whether one came meanwhile (`RING_FINAL_CHECK_FOR_REQUESTS`). */
  finalCheckForRequests(): boolean {
    if (this.unconsumedRequests > 0) return true;
    this.idx.set(REQ_EVENT, u32(this.reqCons + 1));
    return this.unconsumedRequests > 0;
  }
}

/** Where a byte ring lies in its shared record: the byte array and its two indices, in bytes from the record's start. */
export interface ByteRingLayout {
  /** Offset of the byte array. */
  readonly data: number;
  /** Bytes in the array: a power of two. */
  readonly size: number;
  /** Offset of the consumer index. */
  readonly cons: number;
  /** Offset of the producer index. */
  readonly prod: number;
}

/** The page and indices of one byte ring, checked once. */
abstract class ByteRingEnd {
  protected readonly bytes: Uint8Array;
  protected readonly layout: ByteRingLayout;
  private readonly view: DataView;
  private readonly shared: Int32Array | undefined;

  protected constructor(page: ArrayBufferLike | ArrayBufferView, layout: ByteRingLayout) {
    const bytes = ArrayBuffer.isView(page) ? new Uint8Array(page.buffer, page.byteOffset, page.byteLength) : new Uint8Array(page);
    const end = Math.max(layout.data + layout.size, layout.cons + 4, layout.prod + 4);
    if (bytes.byteLength < end) throw new RangeError(`byte ring: the record needs ${end} bytes, the page has ${bytes.byteLength}`);
    if (layout.size <= 0 || (layout.size & (layout.size - 1)) !== 0) throw new RangeError(`byte ring: its size ${layout.size} is not a power of two`);
    if ((bytes.byteOffset + layout.cons) % 4 !== 0 || (bytes.byteOffset + layout.prod) % 4 !== 0) throw new RangeError('byte ring: the indices must be 4-byte aligned in the buffer');
    this.bytes = bytes;
    this.layout = layout;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const buffer = ArrayBuffer.isView(page) ? page.buffer : page;
    const isShared = typeof SharedArrayBuffer !== 'undefined' && buffer instanceof SharedArrayBuffer;
    this.shared = isShared ? new Int32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4)) : undefined;
  }

  protected index(offset: number): number {
    return this.shared ? Atomics.load(this.shared, offset / 4) >>> 0 : this.view.getUint32(offset, true);
  }

  protected setIndex(offset: number, value: number): void {
    if (this.shared) Atomics.store(this.shared, offset / 4, value | 0);
    else this.view.setUint32(offset, value >>> 0, true);
  }

  /** Bytes written and not read yet; more than the ring holds is the other end's fault. */
  protected used(): number {
    const used = u32(this.index(this.layout.prod) - this.index(this.layout.cons));
    if (used > this.layout.size) throw new RangeError(`byte ring: ${used} bytes claimed in a ring of ${this.layout.size}`);
    return used;
  }
}

/** The writing end of a byte ring (the guest's console output, a xenstore request). */
export class ByteRingWriter extends ByteRingEnd {
  constructor(page: ArrayBufferLike | ArrayBufferView, layout: ByteRingLayout) {
    super(page, layout);
  }

  /** Bytes that can be written before the reader catches up. */
  get space(): number {
    return this.layout.size - this.used();
  }

  /** Writes as much of `data` as there is space for and publishes it; returns how much. */
  write(data: Uint8Array): number {
    const n = Math.min(data.length, this.space);
    const prod = this.index(this.layout.prod);
    for (let i = 0; i < n; i++) this.bytes[this.layout.data + (u32(prod + i) & (this.layout.size - 1))] = data[i]!;
    this.setIndex(this.layout.prod, u32(prod + n));
    return n;
  }
}

/** The reading end of a byte ring (the console back end reading the guest's output). */
export class ByteRingReader extends ByteRingEnd {
  constructor(page: ArrayBufferLike | ArrayBufferView, layout: ByteRingLayout) {
    super(page, layout);
  }

  /** Bytes written and not read yet. */
  get available(): number {
    return this.used();
  }

  /** Reads up to `max` ready bytes and hands their space back. */
  read(max = Infinity): Uint8Array {
    const n = Math.min(max, this.available);
    const cons = this.index(this.layout.cons);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.bytes[this.layout.data + (u32(cons + i) & (this.layout.size - 1))]!;
    this.setIndex(this.layout.cons, u32(cons + n));
    return out;
  }
}
