/**
 * `/dev/xen/gntdev` (kernel module xen-gntdev): map other domains' grants into this process,
 * and copy through grants without mapping them. A mapping is an ordinary `Mapping`; closing
 * it unmaps the pages and releases the grants.
 */
import type { Arch, DomId, GrantRef } from '@xenabi/ts-bindings';
import {
  IOCTL_GNTDEV_GRANT_COPY,
  IOCTL_GNTDEV_MAP_GRANT_REF,
  IOCTL_GNTDEV_SET_MAX_GRANTS,
  IOCTL_GNTDEV_SET_UNMAP_NOTIFY,
  IOCTL_GNTDEV_UNMAP_GRANT_REF,
  UNMAP_NOTIFY_CLEAR_BYTE,
  UNMAP_NOTIFY_SEND_EVENT,
  gntdev_grant_copy_segment,
  ioctl_gntdev_grant_copy,
  ioctl_gntdev_grant_ref,
  ioctl_gntdev_map_grant_ref,
  ioctl_gntdev_set_max_grants,
  ioctl_gntdev_unmap_grant_ref,
  ioctl_gntdev_unmap_notify,
  type gntdev_grant_copy_segment as CopySegment,
} from '@xenabi/ts-bindings/linux/gntdev';
import { HOST_ARCH, onArch } from './arch.js';
import { DeviceFile, openDevice, type OpenOptions } from './device.js';
import type { DeviceInfo } from './errors.js';
import { Mapping } from './mapping.js';
import { XEN_PAGE_SIZE } from './privcmd.js';
import { nativeSyscalls } from './syscalls.js';

/** Where the grant-mapping device is, and its kernel module. */
export const GNTDEV_DEVICE: DeviceInfo = { paths: ['/dev/xen/gntdev'], module: 'xen-gntdev' };

/** One grant copy: each end a local buffer or a foreign grant; `status` comes back per segment (`GNTST_*`). */
export interface GrantCopy {
  /** Where the bytes come from. */
  source: { buffer: Uint8Array } | { ref: GrantRef; domid: DomId; offset: number };
  /** Where they go. */
  dest: { buffer: Uint8Array } | { ref: GrantRef; domid: DomId; offset: number };
  /** Bytes to copy, at most a page; neither end may cross a page boundary. */
  length: number;
}

/** `GNTCOPY_source_gref` and `GNTCOPY_dest_gref` of grant_table.h: which ends are grants. */
const GNTCOPY_SOURCE_GREF = 1 << 0;
const GNTCOPY_DEST_GREF = 1 << 1;

/** An open `/dev/xen/gntdev`: grant mappings and copies. */
export class Gntdev {
  readonly #file: DeviceFile;
  /** The architecture whose records the ioctls use. */
  readonly arch: Arch;

  private constructor(file: DeviceFile, arch: Arch) {
    this.#file = file;
    this.arch = arch;
  }

  /** Opens `/dev/xen/gntdev`; a missing device is a `XenDeviceError` saying what to do. */
  static open(options: OpenOptions & { arch?: Arch } = {}): Gntdev {
    return new Gntdev(new DeviceFile(openDevice(GNTDEV_DEVICE, options), options.syscalls ?? nativeSyscalls), options.arch ?? HOST_ARCH);
  }

  /**
   * Maps grants `refs` of domain `domid`, one page each, into this process
   * (IOCTL_GNTDEV_MAP_GRANT_REF, then `mmap`); read-only unless `writable`.
   */
  mapGrantRefs(domid: DomId, refs: readonly GrantRef[], options: { writable?: boolean } = {}): Mapping {
    if (refs.length === 0) throw new RangeError('mapGrantRefs: no grant references');
    const arch = this.arch;
    const refSize = ioctl_gntdev_grant_ref.size(arch);
    const arg = new Uint8Array(ioctl_gntdev_map_grant_ref.size(arch) + refSize * (refs.length - 1));
    const refsOffset = ioctl_gntdev_map_grant_ref.layout(arch).fields.find((f) => f.name === 'refs')!.offset;
    ioctl_gntdev_map_grant_ref.encodeInto({ count: refs.length, pad: 0, index: 0n, refs: [{ domid, ref: refs[0]! }] }, arg, { arch, offset: 0 });
    refs.slice(1).forEach((ref, i) => ioctl_gntdev_grant_ref.encodeInto({ domid, ref }, arg, { arch, offset: refsOffset + refSize * (i + 1) }));
    this.#file.ioctl('IOCTL_GNTDEV_MAP_GRANT_REF', onArch(IOCTL_GNTDEV_MAP_GRANT_REF, arch), arg);
    const index = ioctl_gntdev_map_grant_ref.decode(arg, { arch }).index;
    const length = refs.length * XEN_PAGE_SIZE;
    const release = () => this.#unmapGrants(index, refs.length);
    let memory;
    try {
      memory = this.#file.syscalls.mmap(this.#file.fd, length, Number(index), options.writable ?? false, 'mmap /dev/xen/gntdev');
    } catch (e) {
      release();
      throw e;
    }
    return new Mapping(memory, length, arch, release, index);
  }

  /** Limits how many grants this file may map at once (ignored by Linux 4.2 and later). */
  setMaxGrants(count: number): void {
    this.#file.ioctl('IOCTL_GNTDEV_SET_MAX_GRANTS', onArch(IOCTL_GNTDEV_SET_MAX_GRANTS, this.arch), ioctl_gntdev_set_max_grants.encode({ count }, { arch: this.arch }));
  }

  /**
   * Asks the kernel to tell the granting side when `mapping` goes, even if this process dies:
   * clear the byte at `offset` of the mapping, and/or signal `eventPort`.
   */
  setUnmapNotify(mapping: Mapping, offset: number, options: { clearByte?: boolean; eventPort?: number }): void {
    const index = mapping.deviceOffset + BigInt(offset);
    const action = (options.clearByte ? UNMAP_NOTIFY_CLEAR_BYTE : 0) | (options.eventPort !== undefined ? UNMAP_NOTIFY_SEND_EVENT : 0);
    const arg = ioctl_gntdev_unmap_notify.encode({ index, action, event_channel_port: options.eventPort ?? 0 }, { arch: this.arch });
    this.#file.ioctl('IOCTL_GNTDEV_SET_UNMAP_NOTIFY', onArch(IOCTL_GNTDEV_SET_UNMAP_NOTIFY, this.arch), arg);
  }

  /** Copies through grants without mapping them (IOCTL_GNTDEV_GRANT_COPY, Linux 4.6); returns each segment's `GNTST_*` status. */
  grantCopy(copies: readonly GrantCopy[]): number[] {
    const arch = this.arch;
    const size = gntdev_grant_copy_segment.size(arch);
    const segments = this.#file.syscalls.alloc(size * copies.length);
    const locals = copies.map((c) => [c.source, c.dest].map((end) => ('buffer' in end ? this.#file.syscalls.alloc(end.buffer.length) : undefined)));
    try {
      copies.forEach((c, i) => {
        const [source, dest] = locals[i]!;
        if (source && 'buffer' in c.source) source.bytes.set(c.source.buffer);
        const end = (e: GrantCopy['source'], native: typeof source): CopySegment['source'] =>
          'buffer' in e ? { virt: native!.address } : { foreign: { ref: e.ref, offset: e.offset, domid: e.domid } };
        const flags = ('ref' in c.source ? GNTCOPY_SOURCE_GREF : 0) | ('ref' in c.dest ? GNTCOPY_DEST_GREF : 0);
        gntdev_grant_copy_segment.encodeInto({ source: end(c.source, source), dest: end(c.dest, dest), len: c.length, flags, status: 0 }, segments.bytes, { arch, offset: i * size });
      });
      const arg = ioctl_gntdev_grant_copy.encode({ count: copies.length, segments: segments.address }, { arch });
      this.#file.ioctl('IOCTL_GNTDEV_GRANT_COPY', onArch(IOCTL_GNTDEV_GRANT_COPY, arch), arg);
      copies.forEach((c, i) => {
        const dest = locals[i]![1];
        if (dest && 'buffer' in c.dest) c.dest.buffer.set(dest.bytes);
      });
      return copies.map((_, i) => gntdev_grant_copy_segment.decode(segments.bytes, { arch, offset: i * size }).status);
    } finally {
      segments.free();
      for (const pair of locals) for (const n of pair) n?.free();
    }
  }

  /** Closes the device; mappings made through it stay until closed themselves. */
  close(): void {
    this.#file.close();
  }

  #unmapGrants(index: bigint, count: number): void {
    const arg = ioctl_gntdev_unmap_grant_ref.encode({ index, count, pad: 0 }, { arch: this.arch });
    this.#file.ioctl('IOCTL_GNTDEV_UNMAP_GRANT_REF', onArch(IOCTL_GNTDEV_UNMAP_GRANT_REF, this.arch), arg);
  }
}
