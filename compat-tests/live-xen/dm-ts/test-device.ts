/**
 * The test device every live-Xen device model serves (README.md#the-test-device): an id, a
 * scratch register read back inverted, a request counter and a doorbell in ports
 * 0x5000–0x500f, and a page of memory at 0xf0000000. It knows nothing of Xen's pages: it
 * takes a request and gives back the data of a read.
 */
import { IOREQ_READ, IOREQ_TYPE_COPY, IOREQ_TYPE_PIO, type ioreq } from '@xenabi/ts-bindings/stable/ioreq';

export const PORT_BASE = 0x5000n;
export const PORT_LAST = 0x500fn;
export const MMIO_BASE = 0xf0000000n;
export const MMIO_LAST = 0xf0000fffn;
/** "XABI". */
const DEVICE_ID = 0x49424158n;
const REG = { id: 0n, scratch: 4n, counter: 8n, doorbell: 12n };

const widthMask = (size: number): bigint => (size >= 8 ? (1n << 64n) - 1n : (1n << BigInt(size * 8)) - 1n);

export class TestDevice {
  #scratch = 0n;
  served = 0;
  portRequests = 0;
  mmioRequests = 0;
  malformed = 0;
  /** The guest's verdict (its number of failed checks), once it rang the doorbell. */
  verdict: number | undefined;
  readonly #memory = Uint8Array.from({ length: Number(MMIO_LAST - MMIO_BASE) + 1 }, (_, i) => i & 0xff);

  /**
   * Serves one request, setting `req.data` for a read. Returns what was wrong with a request
   * the guest could not have made (it is counted as malformed), or undefined.
   */
  serve(req: ioreq): string | undefined {
    const end = req.addr + BigInt(req.size) - 1n;
    let why: string | undefined;
    if (req.count !== 1 || req.data_is_ptr || req.df) why = 'a repeated or indirect access (count != 1, data_is_ptr or df)';
    else if (![1, 2, 4, 8].includes(req.size)) why = 'an access width other than 1, 2, 4 or 8';
    else if (req.type === IOREQ_TYPE_PIO && req.addr >= PORT_BASE && end <= PORT_LAST) why = this.#port(req);
    else if (req.type === IOREQ_TYPE_COPY && req.addr >= MMIO_BASE && end <= MMIO_LAST) why = this.#mmio(req);
    else why = 'a request outside the ranges this device model claimed';
    if (why) this.malformed++;
    this.served++;
    return why;
  }

  #port(req: ioreq): string | undefined {
    const reg = req.addr - PORT_BASE;
    const read = req.dir === IOREQ_READ;
    this.portRequests++;
    if (reg === REG.scratch) {
      if (read) req.data = ~this.#scratch & widthMask(req.size);
      else this.#scratch = req.data & widthMask(req.size) & 0xffffffffn;
      return undefined;
    }
    if (req.size !== 4) return 'a register other than scratch accessed with a width other than 4';
    if (read && reg === REG.id) req.data = DEVICE_ID;
    else if (read && reg === REG.counter) req.data = BigInt(this.served);
    else if (!read && reg === REG.doorbell) this.verdict = Number(req.data & 0xffffffffn);
    else {
      if (read) req.data = widthMask(req.size);
      return 'an access to a register that does not take it';
    }
    return undefined;
  }

  #mmio(req: ioreq): string | undefined {
    const offset = Number(req.addr - MMIO_BASE);
    this.mmioRequests++;
    if (req.dir === IOREQ_READ) {
      let value = 0n;
      for (let i = req.size - 1; i >= 0; i--) value = (value << 8n) | BigInt(this.#memory[offset + i] ?? 0);
      req.data = value;
    } else {
      for (let i = 0; i < req.size; i++) this.#memory[offset + i] = Number((req.data >> BigInt(8 * i)) & 0xffn);
    }
    return undefined;
  }
}
