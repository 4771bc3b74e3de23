/**
 * Domain-wide and per-vCPU settings of the domctl interface: memory and vCPU limits, affinity,
 * vCPU register state, time offset, HVM save records, address width, device-model target, limits
 * that later moved to domain creation, the paging pool, and domain state queries. Every payload
 * here travels in `xen_domctl.u`; the op numbers are in `../domctl.ts`.
 */
import { field, flag, flagSet, handle64, int64_aligned_t, pad, struct, u16, u32, u64, u8, uint64_aligned_t } from 'xenabi/dsl';
import { domid_t, xen_domain_handle_t } from '../../stable/xen.ts';
import { vcpu_guest_context, xenctl_bitmap } from '../../stable/xen_guest.ts';

export const xen_domctl_max_mem = struct('xen_domctl_max_mem', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_max_mem: the ceiling on the memory a domain may own.',
  fields: [
    field('max_memkb', uint64_aligned_t, { doc: 'IN: the limit in KiB. Example: 2097152 (2 GiB).' }),
  ]
});

export const xen_domctl_vcpucontext = struct('xen_domctl_vcpucontext', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_setvcpucontext and XEN_DOMCTL_getvcpucontext: one vCPU\'s register state, in a buffer of the caller.',
  holes: [
    { after: 'vcpu', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `ctxt`' },
  ],
  fields: [
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 0.' }),
    field('ctxt', handle64(vcpu_guest_context), { doc: 'IN (set) or OUT (get): a vcpu_guest_context; a null handle on set resets the vCPU.' }),
  ]
});

export const xen_domctl_getvcpuinfo = struct('xen_domctl_getvcpuinfo', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_getvcpuinfo: what one vCPU is doing and how much CPU time it used.',
  holes: [
    { after: 'running', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `cpu_time`' },
    { after: 'cpu', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'tail padding to the record\'s alignment' },
  ],
  fields: [
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 1.' }),
    field('online', u8, { doc: 'OUT: 1 when the vCPU is up, 0 when it is down.' }),
    field('blocked', u8, { doc: 'OUT: 1 when the vCPU waits for an event.' }),
    field('running', u8, { doc: 'OUT: 1 when the vCPU is on a physical CPU right now.' }),
    field('cpu_time', uint64_aligned_t, { doc: 'OUT: the CPU time the vCPU has used, in nanoseconds. Example: 1500000000.' }),
    field('cpu', u32, { doc: 'OUT: the physical CPU the vCPU runs on, or last ran on. Example: 3.' }),
  ]
});

export const xen_domctl_nodeaffinity = struct('xen_domctl_nodeaffinity', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_setnodeaffinity and XEN_DOMCTL_getnodeaffinity: the NUMA nodes the domain\'s memory should come from.',
  fields: [
    field('nodemap', xenctl_bitmap, { doc: 'IN (set) or OUT (get): one bit per NUMA node.' }),
  ]
});

export const xen_domctl_vcpuaffinity = struct('xen_domctl_vcpuaffinity', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_setvcpuaffinity and XEN_DOMCTL_getvcpuaffinity: the physical CPUs one vCPU may run on (hard) and prefers (soft).',
  fields: [
    field('vcpu', u32, { doc: 'IN: the vCPU. Example: 0.' }),
    field('flags', u32, { doc: 'IN: XEN_VCPUAFFINITY_* bits saying which maps to set or get. Example: 0x3 (both).' }),
    field('cpumap_hard', xenctl_bitmap, { doc: 'IN/OUT: the CPUs the vCPU may run on; on set, Xen writes back the map in force.' }),
    field('cpumap_soft', xenctl_bitmap, { doc: 'IN/OUT: the CPUs the scheduler prefers for the vCPU; on set, Xen writes back the map in force.' }),
  ]
});

export const XEN_VCPUAFFINITY = flagSet('XEN_VCPUAFFINITY', {
  since: '4.6',
  field: 'xen_domctl_vcpuaffinity.flags',
  doc: 'Which affinity maps a XEN_DOMCTL_setvcpuaffinity or XEN_DOMCTL_getvcpuaffinity call covers.',
  flags: [
    flag('XEN_VCPUAFFINITY_HARD', 0, { since: '4.6', bitConstant: '_XEN_VCPUAFFINITY_HARD', doc: 'The hard map: the only CPUs the vCPU may run on.' }),
    flag('XEN_VCPUAFFINITY_SOFT', 1, { since: '4.6', bitConstant: '_XEN_VCPUAFFINITY_SOFT', doc: 'The soft map: the CPUs the scheduler tries first.' }),
    flag('XEN_VCPUAFFINITY_FORCE', 2, { since: '4.7', bitConstant: '_XEN_VCPUAFFINITY_FORCE', doc: 'Set the hard map even when it breaks a temporary pinning Xen made (for example by the guest\'s own request).' }),
  ],
});

export const xen_domctl_max_vcpus = struct('xen_domctl_max_vcpus', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_max_vcpus: how many vCPUs the domain gets (before 4.12; creation fixes it later).',
  fields: [
    field('max', u32, { doc: 'IN: the number of vCPUs. Example: 4.' }),
  ]
});

export const xen_domctl_setdomainhandle = struct('xen_domctl_setdomainhandle', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_setdomainhandle: replace the 16-byte tag the toolstack knows a domain by.',
  fields: [
    field('handle', xen_domain_handle_t, { doc: 'IN: the new tag, typically a UUID.' }),
  ]
});

export const xen_domctl_setdebugging = struct('xen_domctl_setdebugging', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_setdebugging: mark a domain as under a debugger, so traps go to the debugger rather than the guest.',
  fields: [
    field('enable', u8, { doc: 'IN: 1 to turn debugging on, 0 to turn it off.' }),
  ]
});

export const xen_domctl_settimeoffset = struct('xen_domctl_settimeoffset', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_settimeoffset: how far the domain\'s wall clock is from the host\'s.',
  fields: [
    field('time_offset_seconds', int64_aligned_t, { doc: 'IN: seconds added to the host\'s wall-clock time, negative for behind. Example: 3600.' }),
  ]
});

export const xen_domctl_hvmcontext = struct('xen_domctl_hvmcontext', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_gethvmcontext and XEN_DOMCTL_sethvmcontext: a domain\'s whole HVM save image (hvm/save.h records) in a buffer of the caller.',
  holes: [
    { after: 'size', archs: ['x86_32', 'x86_64', 'arm32', 'arm64'], reason: 'the compiler aligns the next member, `buffer`' },
  ],
  fields: [
    field('size', u32, { doc: 'IN: the size of the buffer. OUT (get): the bytes written, or with a null buffer the bytes needed. Example: 8192.' }),
    field('buffer', handle64('uint8', 'uint8_t'), { doc: 'IN (set) or OUT (get): the save image; a null handle on get asks for the size only.' }),
  ]
});

export const xen_domctl_hvmcontext_partial = struct('xen_domctl_hvmcontext_partial', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_gethvmcontext_partial: one record of a domain\'s HVM save image, picked by type and instance.',
  fields: [
    field('type', u32, { doc: 'IN: the save record type (HVM_SAVE_CODE of the record). Example: 2 (CPU).' }),
    field('instance', u32, { doc: 'IN: which instance of it, such as the vCPU number. Example: 0.' }),
    field('bufsz', uint64_aligned_t, { since: '4.10', doc: 'IN: the size of the buffer. OUT: the size of the record. Example: 1024.' }),
    field('buffer', handle64('uint8', 'uint8_t'), { doc: 'OUT: the record, without its save descriptor.' }),
  ]
});

export const xen_domctl_address_size = struct('xen_domctl_address_size', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_set_address_size and XEN_DOMCTL_get_address_size (and of the machine address size ops before 4.13): an address width in bits.',
  fields: [
    field('size', u32, { doc: 'IN (set) or OUT (get): the width in bits; for a PV domain 32 or 64. Example: 64.' }),
  ]
});

export const xen_domctl_set_target = struct('xen_domctl_set_target', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_set_target: let the domain of the call act on another one, as a device-model stub domain does.',
  fields: [
    field('target', domid_t, { doc: 'IN: the domain it may act on. Example: 5.' }),
  ]
});

export const xen_domctl_set_max_evtchn = struct('xen_domctl_set_max_evtchn', {
  since: '4.6',
  until: '4.12',
  doc: 'Payload of XEN_DOMCTL_set_max_evtchn (4.6 to 4.11; creation sets it later): the highest event-channel port the domain may bind.',
  fields: [
    field('max_port', u32, { doc: 'IN: the highest port. Example: 1023.' }),
  ]
});

export const xen_domctl_set_gnttab_limits = struct('xen_domctl_set_gnttab_limits', {
  since: '4.10',
  until: '4.12',
  doc: 'Payload of XEN_DOMCTL_set_gnttab_limits (4.10 and 4.11; creation sets them later): the domain\'s grant-table sizes.',
  fields: [
    field('grant_frames', u32, { doc: 'IN: the most grant-table frames. Example: 32.' }),
    field('maptrack_frames', u32, { doc: 'IN: the most frames for tracking the grants the domain maps. Example: 1024.' }),
  ]
});

export const xen_domctl_paging_mempool = struct('xen_domctl_paging_mempool', {
  since: '4.17',
  doc: 'Payload of XEN_DOMCTL_get_paging_mempool_size and XEN_DOMCTL_set_paging_mempool_size: the memory Xen sets aside for the domain\'s paging structures (shadow, HAP or Arm P2M).',
  fields: [
    field('size', uint64_aligned_t, { doc: 'IN (set) or OUT (get): the pool size in bytes, a multiple of the page size. Example: 16777216.' }),
  ]
});

export const xen_domctl_get_domain_state = struct('xen_domctl_get_domain_state', {
  since: '4.21',
  doc: 'Payload of XEN_DOMCTL_get_domain_state: the lifecycle state and privileges of a domain, or of the next one whose state changed.',
  fields: [
    field('state', u16, { doc: 'OUT: XEN_DOMCTL_GETDOMSTATE_STATE_* bits.' }),
    field('caps', u16, { doc: 'OUT: XEN_DOMCTL_GETDOMSTATE_CAP_* bits.' }),
    pad('pad0', u32, { doc: 'Reserved; must be zero.' }),
    field('unique_id', u64, { doc: 'OUT: a number that tells apart domains that reused the same domain ID. Example: 17.' }),
  ]
});

export const XEN_DOMCTL_GETDOMSTATE_STATE = flagSet('XEN_DOMCTL_GETDOMSTATE_STATE', {
  since: '4.21',
  field: 'xen_domctl_get_domain_state.state',
  doc: 'The lifecycle state bits of xen_domctl_get_domain_state.state.',
  flags: [
    flag('XEN_DOMCTL_GETDOMSTATE_STATE_EXIST', 0, { since: '4.21', spelling: 'hex', doc: 'The domain exists.' }),
    flag('XEN_DOMCTL_GETDOMSTATE_STATE_SHUTDOWN', 1, { since: '4.21', spelling: 'hex', doc: 'The domain has shut down.' }),
    flag('XEN_DOMCTL_GETDOMSTATE_STATE_DYING', 2, { since: '4.21', spelling: 'hex', doc: 'The domain is being destroyed.' }),
    flag('XEN_DOMCTL_GETDOMSTATE_STATE_DEAD', 3, { since: '4.21', spelling: 'hex', doc: 'The domain is gone; only its ID remains in use.' }),
  ],
});

export const XEN_DOMCTL_GETDOMSTATE_CAP = flagSet('XEN_DOMCTL_GETDOMSTATE_CAP', {
  since: '4.21',
  field: 'xen_domctl_get_domain_state.caps',
  doc: 'The privilege bits of xen_domctl_get_domain_state.caps.',
  flags: [
    flag('XEN_DOMCTL_GETDOMSTATE_CAP_CONTROL', 0, { since: '4.21', spelling: 'hex', doc: 'The domain may control others (a control domain).' }),
    flag('XEN_DOMCTL_GETDOMSTATE_CAP_HARDWARE', 1, { since: '4.21', spelling: 'hex', doc: 'The domain owns the hardware (a hardware domain).' }),
    flag('XEN_DOMCTL_GETDOMSTATE_CAP_XENSTORE', 2, { since: '4.21', spelling: 'hex', doc: 'The domain runs xenstore.' }),
  ],
});

export const xen_domctl_disable_migrate = struct('xen_domctl_disable_migrate', {
  since: '4.6',
  until: '4.15',
  doc: 'Payload of XEN_DOMCTL_disable_migrate (until 4.15): forbid or allow migrating the domain.',
  fields: [
    field('disable', u32, { doc: 'IN: 1 forbids migration, 0 allows it.' }),
  ]
});

export const xen_domctl_set_virq_handler = struct('xen_domctl_set_virq_handler', {
  since: '4.6',
  doc: 'Payload of XEN_DOMCTL_set_virq_handler: make the domain receive a global virtual interrupt in place of the control domain.',
  fields: [
    field('virq', u32, { doc: 'IN: the VIRQ_* number. Example: 3 (VIRQ_DOM_EXC).' }),
  ]
});
