/**
 * `/dev/xen/privcmd` (kernel module xen-privcmd): hypercalls, device-model ops and mappings
 * of resources Xen holds for a domain. Arguments are encoded with the records of
 * `@xenabi/ts-bindings/linux/privcmd` on this machine's architecture; buffers the kernel
 * follows pointers to are copied into native memory for the call and back after it.
 */
import type { Arch, DomId } from '@xenabi/ts-bindings';
import {
  IOCTL_PRIVCMD_DM_OP,
  IOCTL_PRIVCMD_HYPERCALL,
  IOCTL_PRIVCMD_IOEVENTFD,
  IOCTL_PRIVCMD_IRQFD,
  IOCTL_PRIVCMD_MMAP_RESOURCE,
  IOCTL_PRIVCMD_PCIDEV_GET_GSI,
  IOCTL_PRIVCMD_RESTRICT,
  PRIVCMD_IOEVENTFD_FLAG_DEASSIGN,
  PRIVCMD_IRQFD_FLAG_DEASSIGN,
  privcmd_dm_op,
  privcmd_dm_op_buf,
  privcmd_hypercall,
  privcmd_ioeventfd,
  privcmd_irqfd,
  privcmd_mmap_resource,
  privcmd_pcidev_get_gsi,
} from '@xenabi/ts-bindings/linux/privcmd';
import { decodeDmOp, encodeDmOp, type DmOp, type DmOpInput } from '@xenabi/ts-bindings/stable/dm_op';
import { HOST_ARCH, onArch } from './arch.js';
import { DeviceFile, openDevice, type OpenOptions } from './device.js';
import type { DeviceInfo } from './errors.js';
import { Mapping } from './mapping.js';
import { nativeSyscalls, type NativeBuffer } from './syscalls.js';

/** Where the privcmd device is (`/proc/xen/privcmd` with xenfs mounted, on old kernels), and its kernel module. */
export const PRIVCMD_DEVICE: DeviceInfo = { paths: ['/dev/xen/privcmd', '/proc/xen/privcmd'], module: 'xen-privcmd' };

/** The size of a Xen page, the unit of frames and resources. */
export const XEN_PAGE_SIZE = 4096;

/** One argument of a raw hypercall: a number, or a buffer Xen reads or writes (passed by its address). */
export type HypercallArg = number | bigint | Uint8Array;

/** How the device is opened. */
export interface PrivcmdOptions extends OpenOptions {
  /** The architecture whose layouts the calls use; by default this process's. @internal */
  arch?: Arch;
}

/** An open `/dev/xen/privcmd`. */
export class Privcmd {
  readonly #file: DeviceFile;
  /** The architecture whose records and ioctl numbers the calls use. */
  readonly arch: Arch;

  private constructor(file: DeviceFile, arch: Arch) {
    this.#file = file;
    this.arch = arch;
  }

  /** Opens `/dev/xen/privcmd` (or `/proc/xen/privcmd`); a missing device is a `XenDeviceError` saying what to do. */
  static open(options: PrivcmdOptions = {}): Privcmd {
    const syscalls = options.syscalls ?? nativeSyscalls;
    return new Privcmd(new DeviceFile(openDevice(PRIVCMD_DEVICE, options), syscalls), options.arch ?? HOST_ARCH);
  }

  /** The file descriptor, for a caller's own calls (an irqfd's eventfd is separate). */
  get fd(): number {
    return this.#file.fd;
  }

  /** Restricts this handle, for good, to device-model ops and mappings for `domid` (IOCTL_PRIVCMD_RESTRICT, Linux 4.11). */
  restrict(domid: DomId): void {
    const arg = new Uint8Array(2);
    new DataView(arg.buffer).setUint16(0, domid, true);
    this.#file.ioctl('IOCTL_PRIVCMD_RESTRICT', IOCTL_PRIVCMD_RESTRICT, arg);
  }

  /**
   * A raw hypercall (IOCTL_PRIVCMD_HYPERCALL): `op` is `__HYPERVISOR_*`, `args` up to five
   * numbers or buffers; a buffer is copied to native memory, passed by address and copied
   * back, so Xen's writes to it are seen. Returns the hypercall's result.
   */
  hypercall(op: number, args: readonly HypercallArg[] = []): number {
    if (args.length > 5) throw new RangeError(`a hypercall takes at most 5 arguments, not ${args.length}`);
    const natives = args.map((a) => (a instanceof Uint8Array ? this.#copyIn(a) : undefined));
    try {
      const words = args.map((a, i) => (a instanceof Uint8Array ? natives[i]!.address : BigInt(a)));
      const arg = privcmd_hypercall.encode({ op: BigInt(op), arg: [...words, ...new Array<bigint>(5 - words.length).fill(0n)] }, { arch: this.arch });
      return this.#file.ioctl('IOCTL_PRIVCMD_HYPERCALL', onArch(IOCTL_PRIVCMD_HYPERCALL, this.arch), arg);
    } finally {
      natives.forEach((n, i) => {
        if (n) (args[i] as Uint8Array).set(n.bytes);
        n?.free();
      });
    }
  }

  /**
   * One device-model op for `domid` (IOCTL_PRIVCMD_DM_OP): `op` (its inputs; outputs may be left out) is encoded as a
   * `xen_dm_op` record, `extra` buffers follow it (an op's further arguments, such as a bitmap);
   * returns the op as Xen left it, with its output fields filled, and `extra` updated.
   */
  dmOp(domid: DomId, op: DmOpInput, extra: readonly Uint8Array[] = []): DmOp {
    const buffers = [encodeDmOp(op, { arch: this.arch }), ...extra];
    this.dmOpBuffers(domid, buffers);
    return decodeDmOp(buffers[0]!, { arch: this.arch });
  }

  /** IOCTL_PRIVCMD_DM_OP with raw buffers: each is copied to native memory and back. */
  dmOpBuffers(domid: DomId, buffers: readonly Uint8Array[]): number {
    const arch = this.arch;
    const natives = buffers.map((b) => this.#copyIn(b));
    const bufSize = privcmd_dm_op_buf.size(arch);
    const array = this.#file.syscalls.alloc(bufSize * buffers.length);
    try {
      natives.forEach((n, i) => privcmd_dm_op_buf.encodeInto({ uptr: n.address, size: BigInt(n.bytes.length) }, array.bytes, { arch, offset: i * bufSize }));
      const arg = privcmd_dm_op.encode({ dom: domid, num: buffers.length, ubufs: array.address }, { arch });
      return this.#file.ioctl('IOCTL_PRIVCMD_DM_OP', onArch(IOCTL_PRIVCMD_DM_OP, arch), arg);
    } finally {
      natives.forEach((n, i) => {
        buffers[i]!.set(n.bytes);
        n.free();
      });
      array.free();
    }
  }

  /**
   * Maps frames `idx` … `idx + frames - 1` of a resource Xen holds for `domid`
   * (IOCTL_PRIVCMD_MMAP_RESOURCE, Linux 4.18; `XENMEM_resource_*` types): for an ioreq server,
   * type 0 and its id, frame 0 the buffered page and frame 1 + n the synchronous page of
   * vCPUs (the `shared_iopage`). The mapping is writable; close it to unmap.
   */
  mapResource(domid: DomId, type: number, id: number, idx: number, frames: number): Mapping {
    const length = frames * XEN_PAGE_SIZE;
    const memory = this.#file.syscalls.mmap(this.#file.fd, length, 0, true, 'mmap /dev/xen/privcmd');
    try {
      const arg = privcmd_mmap_resource.encode({ dom: domid, type, id, idx, num: BigInt(frames), addr: memory.address }, { arch: this.arch });
      this.#file.ioctl('IOCTL_PRIVCMD_MMAP_RESOURCE', onArch(IOCTL_PRIVCMD_MMAP_RESOURCE, this.arch), arg);
    } catch (e) {
      memory.unmap();
      throw e;
    }
    return new Mapping(memory, length, this.arch);
  }

  /** The size in frames of a resource (IOCTL_PRIVCMD_MMAP_RESOURCE with nothing to map). */
  resourceSize(domid: DomId, type: number, id: number): number {
    const arg = privcmd_mmap_resource.encode({ dom: domid, type, id, idx: 0, num: 0n, addr: 0n }, { arch: this.arch });
    this.#file.ioctl('IOCTL_PRIVCMD_MMAP_RESOURCE', onArch(IOCTL_PRIVCMD_MMAP_RESOURCE, this.arch), arg);
    return Number(privcmd_mmap_resource.decode(arg, { arch: this.arch }).num);
  }

  /**
   * Ties an eventfd to a device-model op the kernel issues each time it is signalled
   * (IOCTL_PRIVCMD_IRQFD, Linux 6.7, or 6.6.2 and later 6.6), typically XEN_DMOP_set_irq_level;
   * `deassign` removes it.
   */
  irqfd(options: { domid: DomId; eventfd: number; op: DmOpInput; deassign?: boolean }): void {
    const op = this.#copyIn(encodeDmOp(options.op, { arch: this.arch }));
    try {
      const arg = privcmd_irqfd.encode(
        { dm_op: op.address, size: op.bytes.length, fd: options.eventfd, flags: options.deassign ? PRIVCMD_IRQFD_FLAG_DEASSIGN : 0, dom: options.domid },
        { arch: this.arch },
      );
      this.#file.ioctl('IOCTL_PRIVCMD_IRQFD', onArch(IOCTL_PRIVCMD_IRQFD, this.arch), arg);
    } finally {
      op.free();
    }
  }

  /**
   * Lets the kernel answer a guest's write to a virtio notify register itself and signal an
   * eventfd (IOCTL_PRIVCMD_IOEVENTFD, Linux 6.7). `ioreq` is the mapping of the server's
   * synchronous page, `ports` its vCPUs' event channels; `deassign` removes it.
   */
  ioeventfd(options: { domid: DomId; ioreq: Mapping; ports: readonly number[]; addr: bigint; addrLen: number; eventfd: number; vq: number; deassign?: boolean }): void {
    const ports = this.#file.syscalls.alloc(4 * options.ports.length);
    try {
      const view = new DataView(ports.bytes.buffer, ports.bytes.byteOffset, ports.bytes.byteLength);
      options.ports.forEach((p, i) => view.setUint32(4 * i, p, true));
      const arg = privcmd_ioeventfd.encode(
        {
          ioreq: options.ioreq.address,
          ports: ports.address,
          addr: options.addr,
          addr_len: options.addrLen,
          event_fd: options.eventfd,
          vcpus: options.ports.length,
          vq: options.vq,
          flags: options.deassign ? PRIVCMD_IOEVENTFD_FLAG_DEASSIGN : 0,
          dom: options.domid,
        },
        { arch: this.arch },
      );
      this.#file.ioctl('IOCTL_PRIVCMD_IOEVENTFD', onArch(IOCTL_PRIVCMD_IOEVENTFD, this.arch), arg);
    } finally {
      ports.free();
    }
  }

  /** The GSI of a PCI device the PCI back end holds (IOCTL_PRIVCMD_PCIDEV_GET_GSI, Linux 6.12); `sbdf` is `seg << 16 | bus << 8 | devfn`. */
  pcidevGsi(sbdf: number): number {
    const arg = privcmd_pcidev_get_gsi.encode({ sbdf, gsi: 0 }, { arch: this.arch });
    this.#file.ioctl('IOCTL_PRIVCMD_PCIDEV_GET_GSI', onArch(IOCTL_PRIVCMD_PCIDEV_GET_GSI, this.arch), arg);
    return privcmd_pcidev_get_gsi.decode(arg, { arch: this.arch }).gsi;
  }

  /** Closes the device; mappings made through it stay until closed themselves. */
  close(): void {
    this.#file.close();
  }

  #copyIn(bytes: Uint8Array): NativeBuffer {
    const native = this.#file.syscalls.alloc(bytes.length);
    native.bytes.set(bytes);
    return native;
  }
}

