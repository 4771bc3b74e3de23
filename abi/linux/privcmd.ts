/**
 * `/dev/xen/privcmd`: Linux's door to the hypervisor for a privileged process. A toolstack or
 * device model makes hypercalls through it, maps memory of other domains into its own
 * address space, sends device-model ops, and (on newer kernels) lets the kernel turn event
 * channels into eventfds and back. Every request is an ioctl on the open device; a mapping
 * is made by `mmap` of the device first, then filled by one of the map ioctls.
 *
 * Linux numbers most of these ioctls with direction `_IOC_NONE` and the argument's size,
 * which `_IOC` allows but the usual `_IOW`/`_IOR` macros would not produce; the numbers here
 * reproduce that exactly. Because the arguments hold pointers and `size_t`, the numbers of
 * `MMAP`, `MMAPBATCH`, `MMAPBATCH_V2` and `DM_OP` differ between 32- and 64-bit builds.
 */
import { abiModule, array, field, flag, flagSet, i32, ioctl, pad, ptr, size_t, struct, u16, u32, u64, u8, valueSet, constant, xen_pfn_t } from 'xenabi/dsl';
import { domid_t } from '../stable/xen.ts';

/** Holes on every architecture: a 2-byte domain id before a wider member. */
const ALL = ['x86_32', 'x86_64', 'arm32', 'arm64'] as const;
const WIDE = ['x86_64', 'arm64'] as const;

// ---- Records ------------------------------------------------------------------------------

export const privcmd_hypercall = struct('privcmd_hypercall', {
  linuxSince: '2.6.37',
  doc: 'Argument of IOCTL_PRIVCMD_HYPERCALL: one hypercall, made by the kernel on the caller\'s behalf. The ioctl returns what the hypercall returned.',
  fields: [
    field('op', u64, { doc: 'The hypercall number (`__HYPERVISOR_*`).' }),
    field('arg', array(u64, 5), { doc: 'Its arguments, in order; pointers are addresses in the caller\'s memory, which the kernel keeps accessible during the call.' }),
  ],
});

export const privcmd_mmap_entry = struct('privcmd_mmap_entry', {
  linuxSince: '2.6.37',
  doc: 'One run of pages for IOCTL_PRIVCMD_MMAP: where in the caller\'s mapping it goes and which foreign frames fill it.',
  fields: [
    field('va', u64, { doc: 'Start address in the caller\'s mapping of the device.' }),
    field('mfn', u64, { doc: 'The first frame of the target domain (a guest frame number, despite the name Linux keeps for compatibility).' }),
    field('npages', u64, { doc: 'How many consecutive frames to map.' }),
  ],
});

export const privcmd_mmap = struct('privcmd_mmap', {
  linuxSince: '2.6.37',
  doc: 'Argument of IOCTL_PRIVCMD_MMAP: map runs of another domain\'s frames into an existing mapping of the device (PV toolstacks).',
  fields: [
    field('num', i32, { doc: 'Number of entries in `entry`.' }),
    field('dom', domid_t, { doc: 'The domain whose frames are mapped.' }),
    field('entry', ptr(privcmd_mmap_entry), { doc: 'The runs to map.' }),
  ],
  holes: [{ after: 'dom', archs: [...ALL], reason: '`entry` is pointer-aligned and follows a 2-byte domain id' }],
});

export const privcmd_mmapbatch = struct('privcmd_mmapbatch', {
  linuxSince: '2.6.37',
  doc: 'Argument of IOCTL_PRIVCMD_MMAPBATCH: map a list of frames page by page; a frame that fails is marked in place by or-ing an error bit into its array entry. Superseded by the V2 form, which reports each error separately.',
  fields: [
    field('num', i32, { doc: 'Number of frames in `arr`.' }),
    field('dom', domid_t, { doc: 'The domain whose frames are mapped.' }),
    field('addr', u64, { doc: 'Start address in the caller\'s mapping of the device.' }),
    field('arr', ptr(xen_pfn_t), { doc: 'IN: the frames; OUT: frames that failed get PRIVCMD_MMAPBATCH_MFN_ERROR or PRIVCMD_MMAPBATCH_PAGED_ERROR or-ed in.' }),
  ],
  holes: [
    { after: 'dom', archs: [...ALL], reason: '`addr` is 8-byte aligned (4 on x86_32) and follows a 2-byte domain id' },
    { after: 'arr', archs: ['arm32'], reason: 'the record is 8-byte aligned on arm32 and ends with a 4-byte pointer' },
  ],
});

const PRIVCMD_MMAPBATCH_MFN_ERROR = constant('PRIVCMD_MMAPBATCH_MFN_ERROR', 0xf0000000, {
  linuxSince: '3.7',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'Or-ed into an IOCTL_PRIVCMD_MMAPBATCH array entry whose frame could not be mapped.',
});

const PRIVCMD_MMAPBATCH_PAGED_ERROR = constant('PRIVCMD_MMAPBATCH_PAGED_ERROR', 0x80000000, {
  linuxSince: '3.7',
  cType: 'unsigned int',
  spelling: 'hex',
  doc: 'Or-ed into an IOCTL_PRIVCMD_MMAPBATCH array entry whose frame is paged out; retry it later.',
});

export const PRIVCMD_MMAPBATCH_ERROR = valueSet('PRIVCMD_MMAPBATCH_ERROR', {
  linuxSince: '3.7',
  doc: 'The error marks IOCTL_PRIVCMD_MMAPBATCH leaves in a frame array entry.',
  values: [PRIVCMD_MMAPBATCH_MFN_ERROR, PRIVCMD_MMAPBATCH_PAGED_ERROR],
});

export const privcmd_mmapbatch_v2 = struct('privcmd_mmapbatch_v2', {
  linuxSince: '3.7',
  doc: 'Argument of IOCTL_PRIVCMD_MMAPBATCH_V2: map a list of frames page by page, with one error code per frame. The ioctl fails with ENOENT when some frame is paged out; those pages are then retried by calling it again.',
  fields: [
    field('num', u32, { doc: 'Number of frames in `arr` and error slots in `err`.' }),
    field('dom', domid_t, { doc: 'The domain whose frames are mapped.' }),
    field('addr', u64, { doc: 'Start address in the caller\'s mapping of the device.' }),
    field('arr', ptr(xen_pfn_t, { const: true }), { doc: 'The frames to map.' }),
    field('err', ptr(i32), { doc: 'OUT: per frame, 0 or a negative errno value.' }),
  ],
  holes: [{ after: 'dom', archs: [...ALL], reason: '`addr` is 8-byte aligned (4 on x86_32) and follows a 2-byte domain id' }],
});

export const privcmd_dm_op_buf = struct('privcmd_dm_op_buf', {
  linuxSince: '4.11',
  doc: 'One buffer of a device-model op, in the caller\'s memory. The kernel turns each into the `xen_dm_op_buf` Xen reads.',
  fields: [
    field('uptr', ptr(), { doc: 'Start of the buffer.' }),
    field('size', size_t, { doc: 'Its length in bytes.' }),
  ],
});

export const privcmd_dm_op = struct('privcmd_dm_op', {
  linuxSince: '4.11',
  doc: 'Argument of IOCTL_PRIVCMD_DM_OP: one `dm_op` hypercall for a domain. The first buffer holds a `struct xen_dm_op` (its `op` selects the operation); further buffers are what that operation points to.',
  fields: [
    field('dom', domid_t, { doc: 'The domain the op applies to.' }),
    field('num', u16, { doc: 'Number of buffers in `ubufs`.' }),
    field('ubufs', ptr(privcmd_dm_op_buf, { const: true }), { doc: 'The buffers.' }),
  ],
  holes: [{ after: 'num', archs: [...WIDE], reason: 'the 8-byte pointer follows two 2-byte members' }],
});

export const privcmd_mmap_resource = struct('privcmd_mmap_resource', {
  linuxSince: '4.18',
  doc: 'Argument of IOCTL_PRIVCMD_MMAP_RESOURCE: map frames of a resource Xen owns for a domain (`XENMEM_acquire_resource`), such as an ioreq server\'s pages or a grant table. With `addr` and `num` both 0 the ioctl only reports the resource\'s size in `num`.',
  fields: [
    field('dom', domid_t, { doc: 'The domain that owns the resource.' }),
    field('type', u32, { doc: 'The kind of resource (`XENMEM_resource_*`).' }),
    field('id', u32, { doc: 'Which resource of that kind (for an ioreq server: its id).' }),
    field('idx', u32, { doc: 'The first frame of the resource to map.' }),
    field('num', u64, { doc: 'IN: how many frames to map; OUT, when `addr` and `num` were 0: the resource\'s size in frames.' }),
    field('addr', u64, { doc: 'Start address in the caller\'s mapping of the device; 0 to query the size.' }),
  ],
  holes: [{ after: 'dom', archs: [...ALL], reason: '`type` is 4-byte aligned and follows a 2-byte domain id' }],
});

const PRIVCMD_IRQFD_FLAG_DEASSIGN = flag('PRIVCMD_IRQFD_FLAG_DEASSIGN', 0, {
  linuxSince: '6.6',
  cType: 'int',
  doc: 'Remove the irqfd registered for this eventfd instead of adding one.',
});

export const PRIVCMD_IRQFD_FLAG = flagSet('PRIVCMD_IRQFD_FLAG', {
  linuxSince: '6.6',
  field: 'privcmd_irqfd.flags',
  doc: 'Flags of IOCTL_PRIVCMD_IRQFD.',
  flags: [PRIVCMD_IRQFD_FLAG_DEASSIGN],
});

export const privcmd_irqfd = struct('privcmd_irqfd', {
  linuxSince: '6.6',
  doc: 'Argument of IOCTL_PRIVCMD_IRQFD: when the eventfd `fd` is signalled, the kernel issues the device-model op in `dm_op` (typically XEN_DMOP_set_irq_level), so a backend in user space can raise a guest interrupt without a system call of its own.',
  fields: [
    field('dm_op', u64, { doc: 'Address of the `struct xen_dm_op` to issue.' }),
    field('size', u32, { doc: 'Its size in bytes.' }),
    field('fd', u32, { doc: 'The eventfd.' }),
    field('flags', u32, { doc: 'PRIVCMD_IRQFD_FLAG_*.' }),
    field('dom', domid_t, { doc: 'The domain the op applies to.' }),
    pad('pad', array(u8, 2)),
  ],
});

const PRIVCMD_IOEVENTFD_FLAG_DEASSIGN = flag('PRIVCMD_IOEVENTFD_FLAG_DEASSIGN', 0, {
  linuxSince: '6.7',
  cType: 'int',
  doc: 'Remove the ioeventfd registered for this eventfd instead of adding one.',
});

export const PRIVCMD_IOEVENTFD_FLAG = flagSet('PRIVCMD_IOEVENTFD_FLAG', {
  linuxSince: '6.7',
  field: 'privcmd_ioeventfd.flags',
  doc: 'Flags of IOCTL_PRIVCMD_IOEVENTFD.',
  flags: [PRIVCMD_IOEVENTFD_FLAG_DEASSIGN],
});

export const privcmd_ioeventfd = struct('privcmd_ioeventfd', {
  linuxSince: '6.7',
  doc: 'Argument of IOCTL_PRIVCMD_IOEVENTFD: the kernel completes a guest\'s MMIO write to a virtio queue-notify register itself and signals `event_fd`, so a virtio backend in user space sees the notification without serving the ioreq. The caller hands over its mapped ioreq page and the ports of its vCPUs.',
  fields: [
    field('ioreq', u64, { doc: 'Address of the caller\'s mapping of the ioreq server\'s synchronous page (`shared_iopage`).' }),
    field('ports', u64, { doc: 'Address of an array of `vcpus` event-channel ports (`uint32_t`), one per vCPU.' }),
    field('addr', u64, { doc: 'The guest-physical address of the notify register.' }),
    field('addr_len', u32, { doc: 'Its width in bytes.' }),
    field('event_fd', u32, { doc: 'The eventfd to signal.' }),
    field('vcpus', u32, { doc: 'Number of vCPUs, and of ports.' }),
    field('vq', u32, { doc: 'The virtqueue index a write must carry to match.' }),
    field('flags', u32, { doc: 'PRIVCMD_IOEVENTFD_FLAG_*.' }),
    field('dom', domid_t, { doc: 'The guest.' }),
    pad('pad', array(u8, 2)),
  ],
});

export const privcmd_pcidev_get_gsi = struct('privcmd_pcidev_get_gsi', {
  linuxSince: '6.12',
  doc: 'Argument of IOCTL_PRIVCMD_PCIDEV_GET_GSI: ask which GSI (global interrupt) a PCI device assigned to the PCI back end uses, for passing it through from a PVH dom0.',
  fields: [
    field('sbdf', u32, { doc: 'IN: the device as segment, bus, device and function (`seg << 16 | bus << 8 | dev << 3 | fn`).' }),
    field('gsi', u32, { doc: 'OUT: its GSI.' }),
  ],
});

// ---- Ioctls -------------------------------------------------------------------------------

export const IOCTL_PRIVCMD_HYPERCALL = ioctl('IOCTL_PRIVCMD_HYPERCALL', {
  direction: 'none', type: 'P', nr: 0, argument: privcmd_hypercall,
  linuxSince: '2.6.37',
  doc: 'Make a hypercall (privcmd_hypercall); returns its result, or -1 with errno set.',
});

export const IOCTL_PRIVCMD_MMAP = ioctl('IOCTL_PRIVCMD_MMAP', {
  direction: 'none', type: 'P', nr: 2, argument: privcmd_mmap,
  linuxSince: '2.6.37',
  doc: 'Map runs of foreign frames into a mapping of the device (privcmd_mmap).',
});

export const IOCTL_PRIVCMD_MMAPBATCH = ioctl('IOCTL_PRIVCMD_MMAPBATCH', {
  direction: 'none', type: 'P', nr: 3, argument: privcmd_mmapbatch,
  linuxSince: '2.6.37',
  doc: 'Map a list of foreign frames, marking failures in the list itself (privcmd_mmapbatch).',
});

export const IOCTL_PRIVCMD_MMAPBATCH_V2 = ioctl('IOCTL_PRIVCMD_MMAPBATCH_V2', {
  direction: 'none', type: 'P', nr: 4, argument: privcmd_mmapbatch_v2,
  linuxSince: '3.7',
  doc: 'Map a list of foreign frames with an error code per frame (privcmd_mmapbatch_v2).',
});

export const IOCTL_PRIVCMD_DM_OP = ioctl('IOCTL_PRIVCMD_DM_OP', {
  direction: 'none', type: 'P', nr: 5, argument: privcmd_dm_op,
  linuxSince: '4.11',
  doc: 'Issue one device-model op with its buffers (privcmd_dm_op); allowed on a handle restricted to that domain.',
});

export const IOCTL_PRIVCMD_RESTRICT = ioctl('IOCTL_PRIVCMD_RESTRICT', {
  direction: 'none', type: 'P', nr: 6, argument: domid_t,
  linuxSince: '4.11',
  doc: 'Restrict this open handle, for good, to device-model ops and mappings for one domain; the argument points to its domid_t. Hypercalls are then refused.',
});

export const IOCTL_PRIVCMD_MMAP_RESOURCE = ioctl('IOCTL_PRIVCMD_MMAP_RESOURCE', {
  direction: 'none', type: 'P', nr: 7, argument: privcmd_mmap_resource,
  linuxSince: '4.18',
  doc: 'Map frames of a resource Xen holds for a domain, or ask its size (privcmd_mmap_resource).',
});

export const IOCTL_PRIVCMD_IRQFD = ioctl('IOCTL_PRIVCMD_IRQFD', {
  direction: 'write', type: 'P', nr: 8, argument: privcmd_irqfd,
  linuxSince: '6.6',
  doc: 'Tie an eventfd to a device-model op the kernel issues when it is signalled (privcmd_irqfd). Linux 6.6.0 and 6.6.1 numbered it with direction none; from 6.6.2 and 6.7 on the kernel accepts only this number.',
});

export const IOCTL_PRIVCMD_IOEVENTFD = ioctl('IOCTL_PRIVCMD_IOEVENTFD', {
  direction: 'write', type: 'P', nr: 9, argument: privcmd_ioeventfd,
  linuxSince: '6.7',
  doc: 'Have the kernel answer a virtio notify write and signal an eventfd (privcmd_ioeventfd).',
});

export const IOCTL_PRIVCMD_PCIDEV_GET_GSI = ioctl('IOCTL_PRIVCMD_PCIDEV_GET_GSI', {
  direction: 'none', type: 'P', nr: 10, argument: privcmd_pcidev_get_gsi,
  linuxSince: '6.12',
  doc: 'Ask the GSI of a PCI device held by the PCI back end (privcmd_pcidev_get_gsi); ENOENT when it has none.',
});

export default abiModule({
  name: 'privcmd',
  xenHeader: 'xen/privcmd.h',
  xenGuard: '__LINUX_PUBLIC_PRIVCMD_H__',
  coverage: 'full',
  doc: 'Linux\'s privcmd device, `/dev/xen/privcmd` (module xen-privcmd): hypercalls, foreign mappings and device-model ops from user space.',
  items: [
    privcmd_hypercall,
    privcmd_mmap_entry,
    privcmd_mmap,
    privcmd_mmapbatch,
    PRIVCMD_MMAPBATCH_ERROR,
    privcmd_mmapbatch_v2,
    privcmd_dm_op_buf,
    privcmd_dm_op,
    privcmd_mmap_resource,
    PRIVCMD_IRQFD_FLAG,
    privcmd_irqfd,
    PRIVCMD_IOEVENTFD_FLAG,
    privcmd_ioeventfd,
    privcmd_pcidev_get_gsi,
    IOCTL_PRIVCMD_HYPERCALL,
    IOCTL_PRIVCMD_MMAP,
    IOCTL_PRIVCMD_MMAPBATCH,
    IOCTL_PRIVCMD_MMAPBATCH_V2,
    IOCTL_PRIVCMD_DM_OP,
    IOCTL_PRIVCMD_RESTRICT,
    IOCTL_PRIVCMD_MMAP_RESOURCE,
    IOCTL_PRIVCMD_IRQFD,
    IOCTL_PRIVCMD_IOEVENTFD,
    IOCTL_PRIVCMD_PCIDEV_GET_GSI,
  ],
});
