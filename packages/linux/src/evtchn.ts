/**
 * `/dev/xen/evtchn` (kernel module xen-evtchn): event channels for this process. Ports are
 * bound with ioctls; a port that fires is masked and queued, `wait()` and the async iterator
 * hand over queued ports without blocking Node's event loop (libuv polls the file), and
 * `unmask()` lets a port fire again.
 */
import { constants, readSync, writeSync } from 'node:fs';
import koffi from 'koffi';
import type { Arch, DomId } from '@xenabi/ts-bindings';
import {
  IOCTL_EVTCHN_BIND_INTERDOMAIN,
  IOCTL_EVTCHN_BIND_STATIC,
  IOCTL_EVTCHN_BIND_UNBOUND_PORT,
  IOCTL_EVTCHN_BIND_VIRQ,
  IOCTL_EVTCHN_NOTIFY,
  IOCTL_EVTCHN_RESET,
  IOCTL_EVTCHN_RESTRICT_DOMID,
  IOCTL_EVTCHN_UNBIND,
  ioctl_evtchn_bind,
  ioctl_evtchn_bind_interdomain,
  ioctl_evtchn_bind_unbound_port,
  ioctl_evtchn_bind_virq,
  ioctl_evtchn_notify,
  ioctl_evtchn_restrict_domid,
  ioctl_evtchn_unbind,
} from '@xenabi/ts-bindings/linux/evtchn';
import { HOST_ARCH } from './arch.js';
import { DeviceFile, openDevice, type OpenOptions } from './device.js';
import { XenCallError, type DeviceInfo } from './errors.js';
import { nativeSyscalls } from './syscalls.js';

/** Where the event-channel device is, and its kernel module. */
export const EVTCHN_DEVICE: DeviceInfo = { paths: ['/dev/xen/evtchn'], module: 'xen-evtchn' };

/** How many ports one read takes at most. */
const READ_PORTS = 64;

/** libuv's poll through koffi: `ready` runs on the event loop when the file is readable, without blocking it. */
function pollReadable(fd: number, ready: () => void): { stop(): void } {
  const handle = koffi.node.poll(fd, { readable: true }, () => ready());
  return { stop: () => handle.close() };
}

/** An open `/dev/xen/evtchn`: the ports bound through it, and the ones that fired. */
export class Evtchn implements AsyncIterable<number> {
  readonly #file: DeviceFile;
  readonly #queued: number[] = [];
  #waiting: { resolve: (ports: number[]) => void; reject: (e: unknown) => void } | undefined;
  #poll: { stop(): void } | undefined;
  #closed = false;
  /** The architecture whose records the ioctls use. */
  readonly arch: Arch;

  private constructor(file: DeviceFile, arch: Arch) {
    this.#file = file;
    this.arch = arch;
  }

  /** Opens `/dev/xen/evtchn`; a missing device is a `XenDeviceError` saying what to do. */
  static open(options: OpenOptions & { arch?: Arch } = {}): Evtchn {
    const fd = openDevice(EVTCHN_DEVICE, options, constants.O_NONBLOCK);
    return new Evtchn(new DeviceFile(fd, options.syscalls ?? nativeSyscalls), options.arch ?? HOST_ARCH);
  }

  /** Connects a new local port to port `remotePort` that domain `remoteDomain` left unbound; returns the local port. */
  bindInterdomain(remoteDomain: number, remotePort: number): number {
    const arg = ioctl_evtchn_bind_interdomain.encode({ remote_domain: remoteDomain, remote_port: remotePort }, { arch: this.arch });
    return this.#file.ioctl('IOCTL_EVTCHN_BIND_INTERDOMAIN', IOCTL_EVTCHN_BIND_INTERDOMAIN, arg);
  }

  /** Opens a new local port that only `remoteDomain` may connect to; returns it. */
  bindUnboundPort(remoteDomain: number): number {
    const arg = ioctl_evtchn_bind_unbound_port.encode({ remote_domain: remoteDomain }, { arch: this.arch });
    return this.#file.ioctl('IOCTL_EVTCHN_BIND_UNBOUND_PORT', IOCTL_EVTCHN_BIND_UNBOUND_PORT, arg);
  }

  /** Binds virtual IRQ `virq` (`VIRQ_*`) to a new local port; returns it. */
  bindVirq(virq: number): number {
    const arg = ioctl_evtchn_bind_virq.encode({ virq }, { arch: this.arch });
    return this.#file.ioctl('IOCTL_EVTCHN_BIND_VIRQ', IOCTL_EVTCHN_BIND_VIRQ, arg);
  }

  /** Takes over a static event channel Xen created at boot (Linux 6.6). */
  bindStatic(port: number): void {
    this.#file.ioctl('IOCTL_EVTCHN_BIND_STATIC', IOCTL_EVTCHN_BIND_STATIC, ioctl_evtchn_bind.encode({ port }, { arch: this.arch }));
  }

  /** Closes a port of this file. */
  unbind(port: number): void {
    this.#file.ioctl('IOCTL_EVTCHN_UNBIND', IOCTL_EVTCHN_UNBIND, ioctl_evtchn_unbind.encode({ port }, { arch: this.arch }));
  }

  /** Signals the remote end of `port`. */
  notify(port: number): void {
    this.#file.ioctl('IOCTL_EVTCHN_NOTIFY', IOCTL_EVTCHN_NOTIFY, ioctl_evtchn_notify.encode({ port }, { arch: this.arch }));
  }

  /** Forgets the ports that fired but were not read yet. */
  reset(): void {
    this.#queued.length = 0;
    this.#file.ioctl('IOCTL_EVTCHN_RESET', IOCTL_EVTCHN_RESET);
  }

  /** Restricts this file, for good, to interdomain ports with `domid` (Linux 4.8). */
  restrict(domid: DomId): void {
    this.#file.ioctl('IOCTL_EVTCHN_RESTRICT_DOMID', IOCTL_EVTCHN_RESTRICT_DOMID, ioctl_evtchn_restrict_domid.encode({ domid }, { arch: this.arch }));
  }

  /** Lets `port` fire again after it was handed out by `wait()` or the iterator. */
  unmask(port: number): void {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, port, true);
    try {
      writeSync(this.#file.fd, bytes);
    } catch (e) {
      throw new XenCallError('unmask (write to /dev/xen/evtchn)', Math.abs((e as NodeJS.ErrnoException).errno ?? 5));
    }
  }

  /**
   * The ports that fired since the last call, waiting until at least one has; the event
   * loop runs meanwhile. Each port stays masked until `unmask(port)`.
   */
  wait(): Promise<number[]> {
    if (this.#closed) return Promise.reject(new EvtchnClosedError());
    if (this.#waiting) return Promise.reject(new Error('@xenabi/linux: Evtchn.wait() is already waiting'));
    const now = this.#drain();
    if (now.length) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#poll = pollReadable(this.#file.fd, () => this.#ready());
    });
  }

  /** Each port as it fires, one at a time; ends when the file is closed. */
  async *[Symbol.asyncIterator](): AsyncIterator<number> {
    for (;;) {
      let ports: number[];
      try {
        ports = await this.wait();
      } catch (e) {
        if (e instanceof EvtchnClosedError) return;
        throw e;
      }
      yield* ports;
    }
  }

  /** Stops any wait (which then rejects, and ends iterators) and closes the file. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopPolling();
    const waiting = this.#waiting;
    this.#waiting = undefined;
    this.#file.close();
    waiting?.reject(new EvtchnClosedError());
  }

  #ready(): void {
    const ports = this.#drain();
    if (!ports.length || !this.#waiting) return;
    this.#stopPolling();
    const { resolve } = this.#waiting;
    this.#waiting = undefined;
    resolve(ports);
  }

  #stopPolling(): void {
    this.#poll?.stop();
    this.#poll = undefined;
  }

  /** Every port the device has queued, read without blocking. */
  #drain(): number[] {
    const buffer = new Uint8Array(4 * READ_PORTS);
    for (;;) {
      let n: number;
      try {
        n = readSync(this.#file.fd, buffer, 0, buffer.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') break;
        throw e;
      }
      const view = new DataView(buffer.buffer, 0, n);
      for (let i = 0; i + 4 <= n; i += 4) this.#queued.push(view.getUint32(i, true));
      if (n < buffer.length) break;
    }
    return this.#queued.splice(0);
  }
}

/** `wait()` ended because the file was closed. */
export class EvtchnClosedError extends Error {
  constructor() {
    super('@xenabi/linux: the event channel file was closed');
    this.name = 'EvtchnClosedError';
  }
}
