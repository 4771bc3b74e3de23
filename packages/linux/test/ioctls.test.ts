/**
 * The encoding of every ioctl the transports make, on all four architectures: the request
 * number is the registry's for that architecture, and the argument's bytes decode, with the
 * registry's records, to what the call was given. System calls are recorded, not made, so this
 * runs without Xen; the device files are temporary files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHES, type Arch } from '@xenabi/ts-bindings';
import * as evtchnAbi from '@xenabi/ts-bindings/linux/evtchn';
import * as gntdevAbi from '@xenabi/ts-bindings/linux/gntdev';
import * as privcmdAbi from '@xenabi/ts-bindings/linux/privcmd';
import { decodeDmOp, encodeDmOp } from '@xenabi/ts-bindings/stable/dm_op';
import { Gntdev, Privcmd, XenCallError } from '../src/index.js';
import { Evtchn } from '../src/evtchn.js';
import { DeviceFile } from '../src/device.js';
import { SyscallError } from '../src/syscalls.js';
import { RecordingSyscalls, type IoctlCall } from './fake-syscalls.js';

const dir = mkdtempSync(join(tmpdir(), 'xenabi-linux-'));
const device = join(dir, 'device');
writeFileSync(device, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const number = (value: number | Readonly<Record<Arch, number>>, arch: Arch) => (typeof value === 'number' ? value : value[arch]);

function privcmd(arch: Arch) {
  const syscalls = new RecordingSyscalls();
  return { syscalls, dev: Privcmd.open({ path: device, syscalls, arch }) };
}

describe.each(ARCHES)('privcmd on %s', (arch) => {
  it('restricts with the domain id as the argument (IOCTL_PRIVCMD_RESTRICT)', () => {
    const { syscalls, dev } = privcmd(arch);
    dev.restrict(7);
    expect(syscalls.calls).toEqual([{ request: number(privcmdAbi.IOCTL_PRIVCMD_RESTRICT, arch), name: 'IOCTL_PRIVCMD_RESTRICT', bytes: new Uint8Array([7, 0]) }]);
    dev.close();
  });

  it('passes a hypercall with numbers and buffers, and copies buffers back (IOCTL_PRIVCMD_HYPERCALL)', () => {
    const { syscalls, dev } = privcmd(arch);
    const buffer = new Uint8Array([1, 2, 3, 4]);
    syscalls.answer = (call) => {
      const arg = privcmdAbi.privcmd_hypercall.decode(call.bytes!, { arch });
      syscalls.memory.get(arg.arg[1]!)![0] = 9;
      return 42;
    };
    expect(dev.hypercall(17, [5, buffer, 6n])).toBe(42);
    const call = syscalls.calls[0]!;
    expect(call.request).toBe(number(privcmdAbi.IOCTL_PRIVCMD_HYPERCALL, arch));
    const arg = privcmdAbi.privcmd_hypercall.decode(call.bytes!, { arch });
    expect(arg.op).toBe(17n);
    expect([arg.arg[0], arg.arg[2], arg.arg[3], arg.arg[4]]).toEqual([5n, 6n, 0n, 0n]);
    expect(buffer).toEqual(new Uint8Array([9, 2, 3, 4]));
    expect(syscalls.memory.size).toBe(0);
    expect(() => dev.hypercall(1, [1, 2, 3, 4, 5, 6])).toThrow(RangeError);
  });

  it('sends a typed dm_op through native buffers and returns what Xen wrote (IOCTL_PRIVCMD_DM_OP)', () => {
    const { syscalls, dev } = privcmd(arch);
    const bitmap = new Uint8Array(8);
    syscalls.answer = (call) => {
      const arg = privcmdAbi.privcmd_dm_op.decode(call.bytes!, { arch });
      expect(arg).toEqual({ dom: 3, num: 2, ubufs: arg.ubufs });
      const size = privcmdAbi.privcmd_dm_op_buf.size(arch);
      const array = syscalls.memory.get(arg.ubufs)!;
      const bufs = [0, 1].map((i) => privcmdAbi.privcmd_dm_op_buf.decode(array, { arch, offset: i * size }));
      expect(bufs.map((b) => Number(b.size))).toEqual([encodeDmOp({ op: 'nr_vcpus', vcpus: 0 }, { arch }).length, 8]);
      const op = syscalls.memory.get(bufs[0]!.uptr)!;
      expect(decodeDmOp(op, { arch })).toEqual({ op: 'nr_vcpus', vcpus: 0 });
      op.set(encodeDmOp({ op: 'nr_vcpus', vcpus: 4 }, { arch }));
      syscalls.memory.get(bufs[1]!.uptr)!.fill(0xaa);
      return 0;
    };
    expect(dev.dmOp(3, { op: 'nr_vcpus', vcpus: 0 }, [bitmap])).toEqual({ op: 'nr_vcpus', vcpus: 4 });
    expect(syscalls.calls[0]!.request).toBe(number(privcmdAbi.IOCTL_PRIVCMD_DM_OP, arch));
    expect(bitmap.every((b) => b === 0xaa)).toBe(true);
    expect(syscalls.memory.size).toBe(0);
  });

  it('maps a resource into an mmap of the device, and asks its size (IOCTL_PRIVCMD_MMAP_RESOURCE)', () => {
    const { syscalls, dev } = privcmd(arch);
    const mapping = dev.mapResource(5, 0, 1, 1, 2);
    expect(syscalls.mmaps).toEqual([{ length: 8192, offset: 0, writable: true, unmapped: false }]);
    const arg = privcmdAbi.privcmd_mmap_resource.decode(syscalls.calls[0]!.bytes!, { arch });
    expect(arg).toEqual({ dom: 5, type: 0, id: 1, idx: 1, num: 2n, addr: mapping.address });
    expect(syscalls.calls[0]!.request).toBe(number(privcmdAbi.IOCTL_PRIVCMD_MMAP_RESOURCE, arch));
    mapping.close();
    expect(syscalls.mmaps[0]!.unmapped).toBe(true);
    syscalls.answer = (call) => {
      call.bytes!.set(privcmdAbi.privcmd_mmap_resource.encode({ dom: 5, type: 0, id: 1, idx: 0, num: 3n, addr: 0n }, { arch }));
      return 0;
    };
    expect(dev.resourceSize(5, 0, 1)).toBe(3);
  });

  it('unmaps the device again when the resource cannot be mapped', () => {
    const { syscalls, dev } = privcmd(arch);
    syscalls.answer = () => {
      throw new SyscallError(22, 'IOCTL_PRIVCMD_MMAP_RESOURCE');
    };
    expect(() => dev.mapResource(5, 0, 1, 0, 1)).toThrow(/IOCTL_PRIVCMD_MMAP_RESOURCE failed: EINVAL/);
    expect(syscalls.mmaps[0]!.unmapped).toBe(true);
  });

  it('registers an irqfd and an ioeventfd, and asks a GSI (IOCTL_PRIVCMD_IRQFD, _IOEVENTFD, _PCIDEV_GET_GSI)', () => {
    const { syscalls, dev } = privcmd(arch);
    let seen: unknown;
    syscalls.answer = (call) => {
      if (call.name === 'IOCTL_PRIVCMD_IRQFD') {
        const arg = privcmdAbi.privcmd_irqfd.decode(call.bytes!, { arch });
        seen = { ...arg, op: decodeDmOp(syscalls.memory.get(arg.dm_op)!, { arch }), dm_op: undefined };
      }
      if (call.name === 'IOCTL_PRIVCMD_PCIDEV_GET_GSI') call.bytes!.set(privcmdAbi.privcmd_pcidev_get_gsi.encode({ sbdf: 0x100, gsi: 28 }, { arch }));
      return 0;
    };
    dev.irqfd({ domid: 2, eventfd: 9, op: { op: 'set_irq_level', irq: 5, level: 1 }, deassign: true });
    expect(seen).toMatchObject({ size: encodeDmOp({ op: 'set_irq_level', irq: 5, level: 1 }, { arch }).length, fd: 9, flags: 1, dom: 2, op: { op: 'set_irq_level', irq: 5, level: 1 } });
    const ioreq = dev.mapResource(2, 0, 0, 1, 1);
    dev.ioeventfd({ domid: 2, ioreq, ports: [11, 12], addr: 0xfe000000n, addrLen: 4, eventfd: 10, vq: 1 });
    const ioe = syscalls.calls.find((c) => c.name === 'IOCTL_PRIVCMD_IOEVENTFD')!;
    const arg = privcmdAbi.privcmd_ioeventfd.decode(ioe.bytes!, { arch });
    expect(arg).toMatchObject({ ioreq: ioreq.address, addr: 0xfe000000n, addr_len: 4, event_fd: 10, vcpus: 2, vq: 1, flags: 0, dom: 2 });
    expect(dev.pcidevGsi(0x100)).toBe(28);
    expect(syscalls.calls.map((c) => [c.name, c.request])).toEqual([
      ['IOCTL_PRIVCMD_IRQFD', number(privcmdAbi.IOCTL_PRIVCMD_IRQFD, arch)],
      ['IOCTL_PRIVCMD_MMAP_RESOURCE', number(privcmdAbi.IOCTL_PRIVCMD_MMAP_RESOURCE, arch)],
      ['IOCTL_PRIVCMD_IOEVENTFD', number(privcmdAbi.IOCTL_PRIVCMD_IOEVENTFD, arch)],
      ['IOCTL_PRIVCMD_PCIDEV_GET_GSI', number(privcmdAbi.IOCTL_PRIVCMD_PCIDEV_GET_GSI, arch)],
    ]);
  });
});

describe('evtchn', () => {
  it('binds, notifies, unbinds, resets and restricts with the registry\'s numbers and records', () => {
    const syscalls = new RecordingSyscalls();
    syscalls.answer = (call) => (call.name.startsWith('IOCTL_EVTCHN_BIND') ? 40 : 0);
    const ev = new Evtchn(new DeviceFile(0, syscalls), 'x86_64');
    expect(ev.bindInterdomain(1, 2)).toBe(40);
    expect(ev.bindUnboundPort(3)).toBe(40);
    expect(ev.bindVirq(4)).toBe(40);
    ev.bindStatic(5);
    ev.notify(6);
    ev.unbind(7);
    ev.restrict(8);
    ev.reset();
    const u32 = (...values: number[]) => new Uint8Array(new Uint32Array(values).buffer);
    expect(syscalls.calls.map((c) => [c.name, c.request, c.bytes])).toEqual([
      ['IOCTL_EVTCHN_BIND_INTERDOMAIN', evtchnAbi.IOCTL_EVTCHN_BIND_INTERDOMAIN, u32(1, 2)],
      ['IOCTL_EVTCHN_BIND_UNBOUND_PORT', evtchnAbi.IOCTL_EVTCHN_BIND_UNBOUND_PORT, u32(3)],
      ['IOCTL_EVTCHN_BIND_VIRQ', evtchnAbi.IOCTL_EVTCHN_BIND_VIRQ, u32(4)],
      ['IOCTL_EVTCHN_BIND_STATIC', evtchnAbi.IOCTL_EVTCHN_BIND_STATIC, u32(5)],
      ['IOCTL_EVTCHN_NOTIFY', evtchnAbi.IOCTL_EVTCHN_NOTIFY, u32(6)],
      ['IOCTL_EVTCHN_UNBIND', evtchnAbi.IOCTL_EVTCHN_UNBIND, u32(7)],
      ['IOCTL_EVTCHN_RESTRICT_DOMID', evtchnAbi.IOCTL_EVTCHN_RESTRICT_DOMID, new Uint8Array([8, 0])],
      ['IOCTL_EVTCHN_RESET', evtchnAbi.IOCTL_EVTCHN_RESET, undefined],
    ]);
  });

  it('reports a failed ioctl with its name and errno, and an unknown one as too old a kernel', () => {
    const syscalls = new RecordingSyscalls();
    syscalls.answer = (call: IoctlCall) => {
      throw new SyscallError(call.name === 'IOCTL_EVTCHN_BIND_STATIC' ? 25 : 1, call.name);
    };
    const ev = new Evtchn(new DeviceFile(0, syscalls), 'x86_64');
    expect(() => ev.notify(1)).toThrow(expect.objectContaining({ name: 'XenCallError', code: 'EPERM', errno: 1, call: 'IOCTL_EVTCHN_NOTIFY' }));
    expect(() => ev.bindStatic(1)).toThrow(/IOCTL_EVTCHN_BIND_STATIC failed: ENOTTY \(the kernel does not know this ioctl/);
    expect(new XenCallError('x', 2).code).toBe('ENOENT');
  });
});

describe.each(ARCHES)('gntdev on %s', (arch) => {
  it('maps grants at the index the kernel gives, and unmaps them on close (MAP/UNMAP_GRANT_REF)', () => {
    const syscalls = new RecordingSyscalls();
    syscalls.answer = (call) => {
      if (call.name === 'IOCTL_GNTDEV_MAP_GRANT_REF') {
        const arg = gntdevAbi.ioctl_gntdev_map_grant_ref.decode(call.bytes!, { arch });
        call.bytes!.set(gntdevAbi.ioctl_gntdev_map_grant_ref.encode({ ...arg, index: 0x3000n }, { arch }));
      }
      return 0;
    };
    const dev = Gntdev.open({ path: device, syscalls, arch });
    const mapping = dev.mapGrantRefs(4, [10, 11, 12], { writable: true });
    const call = syscalls.calls[0]!;
    expect(call.request).toBe(number(gntdevAbi.IOCTL_GNTDEV_MAP_GRANT_REF, arch));
    const refSize = gntdevAbi.ioctl_gntdev_grant_ref.size(arch);
    expect(call.bytes!.length).toBe(gntdevAbi.ioctl_gntdev_map_grant_ref.size(arch) + 2 * refSize);
    const head = gntdevAbi.ioctl_gntdev_map_grant_ref.decode(call.bytes!, { arch });
    expect(head).toMatchObject({ count: 3, refs: [{ domid: 4, ref: 10 }] });
    expect([1, 2].map((i) => gntdevAbi.ioctl_gntdev_grant_ref.decode(call.bytes!, { arch, offset: 16 + i * refSize }))).toEqual([{ domid: 4, ref: 11 }, { domid: 4, ref: 12 }]);
    expect(syscalls.mmaps[0]).toEqual({ length: 3 * 4096, offset: 0x3000, writable: true, unmapped: false });
    dev.setUnmapNotify(mapping, 8, { clearByte: true, eventPort: 3 });
    mapping.close();
    expect(syscalls.mmaps[0]!.unmapped).toBe(true);
    const [, notify, unmap] = syscalls.calls;
    expect(gntdevAbi.ioctl_gntdev_unmap_notify.decode(notify!.bytes!, { arch })).toEqual({ index: 0x3008n, action: 3, event_channel_port: 3 });
    expect(unmap!.request).toBe(number(gntdevAbi.IOCTL_GNTDEV_UNMAP_GRANT_REF, arch));
    expect(gntdevAbi.ioctl_gntdev_unmap_grant_ref.decode(unmap!.bytes!, { arch })).toEqual({ index: 0x3000n, count: 3, pad: 0 });
  });

  it('copies through grants with per-segment statuses, and limits grants (GRANT_COPY, SET_MAX_GRANTS)', () => {
    const syscalls = new RecordingSyscalls();
    const out = new Uint8Array(4);
    syscalls.answer = (call) => {
      if (call.name !== 'IOCTL_GNTDEV_GRANT_COPY') return 0;
      const arg = gntdevAbi.ioctl_gntdev_grant_copy.decode(call.bytes!, { arch });
      const size = gntdevAbi.gntdev_grant_copy_segment.size(arch);
      const segments = syscalls.memory.get(arg.segments)!;
      const [a, b] = [0, 1].map((i) => gntdevAbi.gntdev_grant_copy_segment.decode(segments, { arch, offset: i * size }));
      expect(a).toMatchObject({ dest: { foreign: { ref: 7, offset: 16, domid: 1 } }, len: 4, flags: 2 });
      expect(syscalls.memory.get(a!.source.virt!)).toEqual(new Uint8Array([1, 2, 3, 4]));
      expect(b).toMatchObject({ source: { foreign: { ref: 8, offset: 0, domid: 1 } }, len: 4, flags: 1 });
      syscalls.memory.get(b!.dest.virt!)!.set([5, 6, 7, 8]);
      const status = gntdevAbi.gntdev_grant_copy_segment.layout(arch).fields.find((f) => f.name === 'status')!.offset;
      new DataView(segments.buffer, segments.byteOffset).setInt16(size + status, -1, true);
      return 0;
    };
    const dev = Gntdev.open({ path: device, syscalls, arch });
    const statuses = dev.grantCopy([
      { source: { buffer: new Uint8Array([1, 2, 3, 4]) }, dest: { ref: 7, domid: 1, offset: 16 }, length: 4 },
      { source: { ref: 8, domid: 1, offset: 0 }, dest: { buffer: out }, length: 4 },
    ]);
    expect(statuses).toEqual([0, -1]);
    expect(out).toEqual(new Uint8Array([5, 6, 7, 8]));
    dev.setMaxGrants(64);
    expect(syscalls.calls.map((c) => c.request)).toEqual([number(gntdevAbi.IOCTL_GNTDEV_GRANT_COPY, arch), number(gntdevAbi.IOCTL_GNTDEV_SET_MAX_GRANTS, arch)]);
    expect(syscalls.memory.size).toBe(0);
  });
});
