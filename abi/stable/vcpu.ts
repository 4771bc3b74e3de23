/**
 * The vCPU hypercall (`__HYPERVISOR_vcpu_op`): bring a guest's vCPUs up and down, read how
 * long each spent running, runnable, blocked or offline, arm its periodic and one-shot timers,
 * and tell Xen where in guest memory to keep a vCPU's vcpu_info, runstate and pvclock time
 * record. Each `VCPUOP_*` sub-op takes the record listed with it.
 *
 * `VCPUOP_initialise` takes the architecture's `vcpu_guest_context` (declared in the
 * `xen_guest` module), passed apart from this set's records, so the op names no payload
 * record here. Xen's function-like macros that split a physical id are not declared either:
 * the x86 APIC id is the low 32 bits of `vcpu_get_physid.phys_id`, the ACPI id the high 32.
 */
import { abiModule, array, c_int, constant, field, flag, flagSet, handle, inlineUnion, op, opSet, ptr, struct, u32, u64, valueSet } from 'xenabi/dsl';
import { vcpu_time_info } from './xen_guest.ts';

const WIDE = ['x86_64', 'arm32', 'arm64'] as const;

export const vcpu_runstate_info = struct('vcpu_runstate_info', {
  typedef: 'vcpu_runstate_info_t',
  since: '4.6',
  doc: 'VCPUOP_get_runstate_info, and the record Xen keeps up to date where VCPUOP_register_runstate_memory_area says: a vCPU\'s state and the time it spent in each.',
  fields: [
    field('state', c_int, { doc: 'The RUNSTATE_* the vCPU is in. Example: 0 (RUNSTATE_running).' }),
    field('state_entry_time', u64, { doc: 'System time (ns) the vCPU entered it; XEN_RUNSTATE_UPDATE is set while Xen updates a registered copy. Example: 1500000000.' }),
    field('time', array(u64, 4), { doc: 'Nanoseconds spent in each RUNSTATE_*, indexed by it; their sum keeps up with system time.' }),
  ],
  holes: [{ after: 'state', archs: [...WIDE], reason: 'state_entry_time is 8-byte aligned' }],
});

export const RUNSTATE = valueSet('RUNSTATE', {
  since: '4.6',
  field: 'vcpu_runstate_info.state',
  doc: 'What a vCPU is doing.',
  values: [
    constant('RUNSTATE_running', 0, { since: '4.6', doc: 'Running on a physical CPU.' }),
    constant('RUNSTATE_runnable', 1, { since: '4.6', doc: 'Ready to run, waiting for a physical CPU.' }),
    constant('RUNSTATE_blocked', 2, { since: '4.6', doc: 'Waiting for an event (blocked or polling).' }),
    constant('RUNSTATE_offline', 3, { since: '4.6', doc: 'Neither: down, paused or not yet started.' }),
  ],
});

export const XEN_RUNSTATE_UPDATE = constant('XEN_RUNSTATE_UPDATE', 1n << 63n, {
  since: '4.8',
  cType: 'unsigned long long',
  spelling: 'shift',
  doc: 'Bit 63 of a registered vcpu_runstate_info\'s state_entry_time: set while Xen rewrites the record (with VMASST_TYPE_runstate_update_flag), so a reader retries.',
});

/** The address of a guest record, as a handle, a pointer or 64 bits: 8 bytes everywhere. */
const guestAddress = (handleTarget: string, pointee: Parameters<typeof ptr>[0], doc: string) =>
  inlineUnion({
    doc,
    fields: [
      field('h', handle(handleTarget), { doc: 'The address as a guest handle.' }),
      field('v', ptr(pointee), { doc: 'The address as a pointer of the guest.' }),
      field('p', u64, { doc: 'The address as 64 bits: a guest physical address for the _phys_area sub-ops.' }),
    ],
  });

export const vcpu_register_runstate_memory_area = struct('vcpu_register_runstate_memory_area', {
  typedef: 'vcpu_register_runstate_memory_area_t',
  since: '4.6',
  doc: 'VCPUOP_register_runstate_memory_area and VCPUOP_register_runstate_phys_area: where Xen keeps the vCPU\'s vcpu_runstate_info current.',
  fields: [field('addr', guestAddress('vcpu_runstate_info_t', vcpu_runstate_info, 'Where the record is: a virtual address, or a physical one for the _phys_area sub-op.'), { doc: 'The record\'s address.' })],
  selectors: [{ union: 'addr', arms: [{ member: 'p', otherwise: true }] }],
});

export const vcpu_set_periodic_timer = struct('vcpu_set_periodic_timer', {
  typedef: 'vcpu_set_periodic_timer_t',
  since: '4.6',
  doc: 'VCPUOP_set_periodic_timer: raise VIRQ_TIMER on the vCPU at a fixed period.',
  fields: [field('period_ns', u64, { doc: 'The period in nanoseconds. Example: 10000000.' })],
});

export const vcpu_set_singleshot_timer = struct('vcpu_set_singleshot_timer', {
  typedef: 'vcpu_set_singleshot_timer_t',
  since: '4.6',
  doc: 'VCPUOP_set_singleshot_timer: raise VIRQ_TIMER on the vCPU once, at a system time.',
  fields: [
    field('timeout_abs_ns', u64, { doc: 'The system time (ns) to fire at. Example: 1500000000.' }),
    field('flags', u32, { doc: 'VCPU_SSHOTTMR_* flags. Example: 0.' }),
  ],
  holes: [{ after: 'flags', archs: [...WIDE], reason: 'tail padding to the 8-byte alignment of timeout_abs_ns' }],
});

export const VCPU_SSHOTTMR = flagSet('VCPU_SSHOTTMR', {
  since: '4.6',
  field: 'vcpu_set_singleshot_timer.flags',
  doc: 'Options of a one-shot timer.',
  flags: [flag('VCPU_SSHOTTMR_future', 0, { since: '4.6', bitConstant: '_VCPU_SSHOTTMR_future', doc: 'Fail with -ETIME rather than fire at once when the time has passed.' })],
});

export const vcpu_register_vcpu_info = struct('vcpu_register_vcpu_info', {
  typedef: 'vcpu_register_vcpu_info_t',
  since: '4.6',
  doc: 'VCPUOP_register_vcpu_info: move the vCPU\'s vcpu_info out of the shared info page into a page of the guest, as vCPUs beyond the first 32 need.',
  fields: [
    field('mfn', u64, { doc: 'The frame of the page (a guest frame for HVM and PVH guests). Example: 0x12345.' }),
    field('offset', u32, { doc: 'Where in the page the vcpu_info starts. Example: 64.' }),
    field('rsvd', u32, { doc: 'Unused: zero.' }),
  ],
});

export const vcpu_get_physid = struct('vcpu_get_physid', {
  typedef: 'vcpu_get_physid_t',
  since: '4.6',
  doc: 'VCPUOP_get_physid (x86 hardware domain): the identifiers of the physical CPU a vCPU stands for.',
  fields: [field('phys_id', u64, { doc: 'The APIC id in bits 0 to 31 and the ACPI id in bits 32 to 63. Example: 0x100000001.' })],
});

export const vcpu_register_time_memory_area = struct('vcpu_register_time_memory_area', {
  typedef: 'vcpu_register_time_memory_area_t',
  since: '4.6',
  doc: 'VCPUOP_register_vcpu_time_memory_area and VCPUOP_register_vcpu_time_phys_area: a second copy of the vCPU\'s pvclock record that Xen keeps current, for the guest to map to user space.',
  fields: [field('addr', guestAddress('vcpu_time_info_t', vcpu_time_info, 'Where the record is: a virtual address, or a physical one for the _phys_area sub-op.'), { doc: 'The record\'s address.' })],
  selectors: [{ union: 'addr', arms: [{ member: 'p', otherwise: true }] }],
});

const vop = (name: string, value: number, doc: string, since = '4.6') => constant(`VCPUOP_${name}`, value, { since, doc });

export const VCPUOP = opSet('VCPUOP', {
  since: '4.6',
  doc: 'Sub-ops of the vCPU hypercall, each with the record its argument points to (the vCPU is the hypercall\'s other argument).',
  ops: [
    op(vop('initialise', 0, 'Set a vCPU\'s initial state from a vcpu_guest_context, before VCPUOP_up.')),
    op(vop('up', 1, 'Start a vCPU; the argument is null.')),
    op(vop('down', 2, 'Stop a vCPU; the argument is null.')),
    op(vop('is_up', 3, 'Whether a vCPU runs; the argument is null.')),
    op(vop('get_runstate_info', 4, 'Read a vCPU\'s runstate.'), { record: vcpu_runstate_info }),
    op(vop('register_runstate_memory_area', 5, 'Have Xen keep the runstate at a virtual address.'), { record: vcpu_register_runstate_memory_area }),
    op(vop('set_periodic_timer', 6, 'Arm the periodic timer.'), { record: vcpu_set_periodic_timer }),
    op(vop('stop_periodic_timer', 7, 'Stop the periodic timer; the argument is null.')),
    op(vop('set_singleshot_timer', 8, 'Arm the one-shot timer.'), { record: vcpu_set_singleshot_timer }),
    op(vop('stop_singleshot_timer', 9, 'Stop the one-shot timer; the argument is null.')),
    op(vop('register_vcpu_info', 10, 'Move the vCPU\'s vcpu_info into a page of the guest.'), { record: vcpu_register_vcpu_info }),
    op(vop('send_nmi', 11, 'Send the vCPU an NMI; the argument is null.')),
    op(vop('get_physid', 12, 'Read the physical CPU ids of a vCPU.'), { record: vcpu_get_physid }),
    op(vop('register_vcpu_time_memory_area', 13, 'Have Xen keep a copy of the pvclock record at a virtual address.'), { record: vcpu_register_time_memory_area }),
    op(vop('register_runstate_phys_area', 14, 'Have Xen keep the runstate at a guest physical address.', '4.18'), { record: vcpu_register_runstate_memory_area }),
    op(vop('register_vcpu_time_phys_area', 15, 'Have Xen keep a copy of the pvclock record at a guest physical address.', '4.18'), { record: vcpu_register_time_memory_area }),
  ],
});

export default abiModule({
  name: 'vcpu',
  xenHeader: 'vcpu.h',
  xenGuard: '__XEN_PUBLIC_VCPU_H__',
  coverage: 'full',
  doc: 'vCPUs: bringing them up and down, runstate accounting, timers, and where Xen keeps per-vCPU records.',
  items: [
    VCPUOP,
    vcpu_runstate_info,
    RUNSTATE,
    XEN_RUNSTATE_UPDATE,
    vcpu_register_runstate_memory_area,
    vcpu_set_periodic_timer,
    vcpu_set_singleshot_timer,
    VCPU_SSHOTTMR,
    vcpu_register_vcpu_info,
    vcpu_get_physid,
    vcpu_register_time_memory_area,
  ],
});
