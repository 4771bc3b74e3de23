/**
 * The virtual performance-monitoring unit (`__HYPERVISOR_xenpmu_op`): a guest asks Xen to run
 * the hardware counters for it (or, in the control domain, for the whole machine), and Xen
 * reports each counter overflow in a page the guest shares with it per vCPU (`xen_pmu_data`).
 * Every XENPMU_* sub-op takes a `xen_pmu_params`.
 *
 * The record in the shared page ends with the architecture's part (`xen_pmu_arch`), which
 * Xen declares in `arch-x86/pmu.h` for x86 and as a one-byte placeholder in `arch-arm.h` for
 * Arm, where Xen has no virtual PMU. The counter contexts (`xen_pmu_amd_ctxt`,
 * `xen_pmu_intel_ctxt`) and the `PMU_*` flags are x86's.
 */
import { ARM, X86, abiModule, array, constant, field, flag, flagSet, flex, inlineStruct, inlineUnion, op, opSet, pad, struct, u16, u32, u64, u8 } from 'xenabi/dsl';
import { domid_t } from './xen.ts';

const X86_PMU_H = { header: 'arch-x86/pmu.h', guard: '__XEN_PUBLIC_ARCH_X86_PMU_H__', archs: [...X86] };
const ARM_H = { header: 'arch-arm.h', guard: '__XEN_PUBLIC_ARCH_ARM_H__', archs: [...ARM] };

// ---- Version and sub-ops -----------------------------------------------------------------

export const XENPMU_VER_MAJ = constant('XENPMU_VER_MAJ', 0, { since: '4.6', doc: 'The major version of the PMU interface this header describes; XENPMU_init refuses a guest that names another.' });
export const XENPMU_VER_MIN = constant('XENPMU_VER_MIN', 1, { since: '4.6', doc: 'The minor version of the PMU interface this header describes.' });

export const xen_pmu_params = struct('xen_pmu_params', {
  typedef: 'xen_pmu_params_t',
  since: '4.6',
  doc: 'The argument of every XENPMU_* sub-op.',
  fields: [
    field(
      'version',
      inlineStruct({
        doc: 'The interface version: the caller\'s on XENPMU_init, Xen\'s on XENPMU_mode_get.',
        fields: [
          field('maj', u32, { doc: 'Major version (XENPMU_VER_MAJ). Example: 0.' }),
          field('min', u32, { doc: 'Minor version (XENPMU_VER_MIN). Example: 1.' }),
        ],
      }),
      { doc: 'IN/OUT: the interface version.' },
    ),
    field('val', u64, { doc: 'IN/OUT: the mode (XENPMU_MODE_*), the features (XENPMU_FEATURE_*) or, for XENPMU_init, the frame of the shared page. Example: 1 (XENPMU_MODE_SELF).' }),
    field('vcpu', u32, { doc: 'IN: the vCPU XENPMU_init and XENPMU_finish act on. Example: 0.' }),
    pad('pad', u32, { doc: 'Zero.' }),
  ],
});

export const XENPMU = opSet('XENPMU', {
  since: '4.6',
  doc: 'Sub-ops of __HYPERVISOR_xenpmu_op, each with the record its argument points to.',
  ops: [
    op(constant('XENPMU_mode_get', 0, { since: '4.6', doc: 'Read the machine-wide mode and Xen\'s interface version.' }), { record: xen_pmu_params }),
    op(constant('XENPMU_mode_set', 1, { since: '4.6', doc: 'Set the machine-wide mode (control domain).' }), { record: xen_pmu_params }),
    op(constant('XENPMU_feature_get', 2, { since: '4.6', doc: 'Read the enabled features.' }), { record: xen_pmu_params }),
    op(constant('XENPMU_feature_set', 3, { since: '4.6', doc: 'Set the enabled features (control domain).' }), { record: xen_pmu_params }),
    op(constant('XENPMU_init', 4, { since: '4.6', doc: 'Give Xen the shared page of one vCPU and start its virtual PMU.' }), { record: xen_pmu_params }),
    op(constant('XENPMU_finish', 5, { since: '4.6', doc: 'Stop one vCPU\'s virtual PMU and release its shared page.' }), { record: xen_pmu_params }),
    op(constant('XENPMU_lvtpc_set', 6, { since: '4.6', doc: 'Load the local APIC performance-counter vector the guest wrote to the shared page.' })),
    op(constant('XENPMU_flush', 7, { since: '4.6', doc: 'Write the counter values the guest changed in the shared page to the hardware, after it handled an overflow.' })),
  ],
});

export const XENPMU_MODE_OFF = constant('XENPMU_MODE_OFF', 0, { since: '4.6', doc: 'No virtual PMU for anyone.' });

export const XENPMU_MODE = flagSet('XENPMU_MODE', {
  since: '4.6',
  field: 'xen_pmu_params.val',
  doc: 'The machine-wide mode of the virtual PMU, read and set with XENPMU_mode_get and XENPMU_mode_set (XENPMU_MODE_OFF when no bit is set).',
  flags: [
    flag('XENPMU_MODE_SELF', 0, { since: '4.6', cType: 'int', doc: 'Each guest profiles itself.' }),
    flag('XENPMU_MODE_HV', 1, { since: '4.6', cType: 'int', doc: 'The control domain also profiles Xen.' }),
    flag('XENPMU_MODE_ALL', 2, { since: '4.6', cType: 'int', doc: 'The control domain profiles the whole machine: Xen and every guest.' }),
  ],
});

export const XENPMU_FEATURE = flagSet('XENPMU_FEATURE', {
  since: '4.6',
  field: 'xen_pmu_params.val',
  doc: 'Optional features of the virtual PMU, read and set with XENPMU_feature_get and XENPMU_feature_set.',
  flags: [
    flag('XENPMU_FEATURE_INTEL_BTS', 0, { since: '4.6', cType: 'int', doc: 'Intel\'s branch trace store.' }),
    flag('XENPMU_FEATURE_IPC_ONLY', 1, { since: '4.7', cType: 'int', doc: 'Only the counters an instructions-per-cycle measurement needs.' }),
    flag('XENPMU_FEATURE_ARCH_ONLY', 2, { since: '4.7', cType: 'int', doc: 'Only the architectural counters and events.' }),
  ],
});

// ---- The architecture's part (arch-x86/pmu.h, arch-arm.h) --------------------------------

export const xen_pmu_amd_ctxt = struct('xen_pmu_amd_ctxt', {
  typedef: 'xen_pmu_amd_ctxt_t',
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_PMU_H],
  doc: 'x86: the counter context of an AMD processor; the counter and control registers follow it, where the offsets say.',
  fields: [
    field('counters', u32, { doc: 'The byte offset, from the start of this record, of the counter registers. Example: 8.' }),
    field('ctrls', u32, { doc: 'The byte offset, from the start of this record, of the control registers. Example: 40.' }),
    flex('regs', u64, { doc: 'Where the registers are stored.' }),
  ],
});

export const xen_pmu_cntr_pair = struct('xen_pmu_cntr_pair', {
  typedef: 'xen_pmu_cntr_pair_t',
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_PMU_H],
  doc: 'x86: one Intel general-purpose counter and the register that controls it.',
  fields: [
    field('counter', u64, { doc: 'The counter\'s value. Example: 0xfffffff0.' }),
    field('control', u64, { doc: 'Its event-select register. Example: 0x43003c.' }),
  ],
});

export const xen_pmu_intel_ctxt = struct('xen_pmu_intel_ctxt', {
  typedef: 'xen_pmu_intel_ctxt_t',
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_PMU_H],
  doc: 'x86: the counter context of an Intel processor; the fixed counters and the counter pairs follow it, where the offsets say.',
  fields: [
    field('fixed_counters', u32, { doc: 'The byte offset, from the start of this record, of the fixed-function counters. Example: 64.' }),
    field('arch_counters', u32, { doc: 'The byte offset, from the start of this record, of the xen_pmu_cntr_pair array. Example: 88.' }),
    field('global_ctrl', u64, { doc: 'The global control register. Example: 0x7000000ff.' }),
    field('global_ovf_ctrl', u64, { doc: 'The global overflow control register. Example: 0.' }),
    field('global_status', u64, { doc: 'The global status register. Example: 0x1.' }),
    field('fixed_ctrl', u64, { doc: 'The fixed-function counter control register. Example: 0x333.' }),
    field('ds_area', u64, { doc: 'The debug store area address. Example: 0.' }),
    field('pebs_enable', u64, { doc: 'The PEBS enable register. Example: 0.' }),
    field('debugctl', u64, { doc: 'The debug control register. Example: 0.' }),
    flex('regs', u64, { doc: 'Where the counters are stored.' }),
  ],
});

export const xen_pmu_regs = struct('xen_pmu_regs', {
  typedef: 'xen_pmu_regs_t',
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_PMU_H],
  doc: 'x86: where the processor was when a counter overflowed.',
  fields: [
    field('ip', u64, { doc: 'The instruction pointer. Example: 0xffffffff81000000.' }),
    field('sp', u64, { doc: 'The stack pointer. Example: 0xffffc90000003f00.' }),
    field('flags', u64, { doc: 'The flags register. Example: 0x246.' }),
    field('cs', u16, { doc: 'The code segment selector. Example: 0xe033.' }),
    field('ss', u16, { doc: 'The stack segment selector. Example: 0xe02b.' }),
    field('cpl', u8, { doc: 'The privilege level. Example: 0.' }),
    pad('pad', array(u8, 3), { doc: 'Zero.' }),
  ],
});

export const PMU_FLAGS = flagSet('PMU_FLAGS', {
  since: '4.6',
  archs: [...X86],
  xenOrigin: [X86_PMU_H],
  field: 'xen_pmu_arch.pmu_flags',
  doc: 'x86: what Xen says about the sample in xen_pmu_arch.pmu_flags.',
  flags: [
    flag('PMU_CACHED', 0, { since: '4.6', cType: 'int', archs: [...X86], xenOrigin: [X86_PMU_H], doc: 'The counter registers are in the shared page, not (yet) in the hardware.' }),
    flag('PMU_SAMPLE_USER', 1, { since: '4.6', cType: 'int', archs: [...X86], xenOrigin: [X86_PMU_H], doc: 'The sample was taken in user mode.' }),
    flag('PMU_SAMPLE_REAL', 2, { since: '4.6', cType: 'int', archs: [...X86], xenOrigin: [X86_PMU_H], doc: 'The sample was taken in real mode.' }),
    flag('PMU_SAMPLE_PV', 3, { since: '4.6', cType: 'int', archs: [...X86], xenOrigin: [X86_PMU_H], doc: 'The sample was taken in a PV guest.' }),
  ],
});

export const XENPMU_REGS_PAD_SZ = constant('XENPMU_REGS_PAD_SZ', 64, { since: '4.6', archs: [...X86], xenOrigin: [X86_PMU_H], doc: 'x86: the bytes xen_pmu_arch.r takes.' });
export const XENPMU_CTXT_PAD_SZ = constant('XENPMU_CTXT_PAD_SZ', 128, { since: '4.6', archs: [...X86], xenOrigin: [X86_PMU_H], doc: 'x86: the bytes xen_pmu_arch.c takes.' });

export const xen_pmu_arch = struct('xen_pmu_arch', {
  typedef: 'xen_pmu_arch_t',
  since: '4.6',
  xenOrigin: [X86_PMU_H, ARM_H],
  doc: 'The architecture\'s part of xen_pmu_data: on x86 the interrupted state and the counter context; on Arm one unused byte.',
  fields: [
    field(
      'r',
      inlineUnion({
        doc: 'x86: the interrupted state, in 64 bytes.',
        archs: [...X86],
        fields: [field('regs', xen_pmu_regs, { doc: 'The registers.' }), pad('pad', array(u8, 64, XENPMU_REGS_PAD_SZ), { doc: 'Reserves the union\'s size.' })],
      }),
      { archs: [...X86], doc: 'x86: the interrupted state (Xen writes it).' },
    ),
    field('pmu_flags', u64, { archs: [...X86], doc: 'x86: PMU_* flags (Xen writes them). Example: 0x3 (PMU_CACHED | PMU_SAMPLE_USER).' }),
    field(
      'l',
      inlineUnion({
        doc: 'x86: the local APIC performance-counter vector, in 8 bytes.',
        archs: [...X86],
        fields: [field('lapic_lvtpc', u32, { doc: 'The vector register\'s value. Example: 0xfe.' }), pad('pad', u64, { doc: 'Reserves the union\'s size.' })],
      }),
      { archs: [...X86], doc: 'x86: the local APIC performance-counter vector (the guest writes it before XENPMU_lvtpc_set).' },
    ),
    field(
      'c',
      inlineUnion({
        doc: 'x86: the counter context of the vendor, in 128 bytes.',
        archs: [...X86],
        fields: [
          field('amd', xen_pmu_amd_ctxt, { doc: 'On AMD processors.' }),
          field('intel', xen_pmu_intel_ctxt, { doc: 'On Intel processors.' }),
          pad('pad', array(u8, 128, XENPMU_CTXT_PAD_SZ), { doc: 'Reserves the union\'s size.' }),
        ],
      }),
      { archs: [...X86], doc: 'x86: the counter context (the guest may change it while PMU_CACHED is set, then calls XENPMU_flush).' },
    ),
    field('dummy', u8, { archs: [...ARM], doc: 'Arm: unused; Xen has no virtual PMU on Arm. Example: 0.' }),
  ],
});

export const xen_pmu_data = struct('xen_pmu_data', {
  since: '4.6',
  doc: 'The shared page of one vCPU\'s virtual PMU, as Xen fills it when a counter overflows.',
  holes: [{ after: 'pmu', archs: [...ARM], reason: 'Arm: tail padding to the 4-byte alignment of vcpu_id' }],
  fields: [
    field('vcpu_id', u32, { doc: 'The vCPU that was interrupted. Example: 1.' }),
    field('pcpu_id', u32, { doc: 'The physical CPU it ran on (the vCPU again, for a guest without privilege). Example: 3.' }),
    field('domain_id', domid_t, { doc: 'The domain that was interrupted: DOMID_SELF, DOMID_XEN or, in XENPMU_MODE_ALL, another domain\'s ID. Example: 0x7ff0 (DOMID_SELF).' }),
    pad('pad', array(u8, 6), { doc: 'Zero.' }),
    field('pmu', xen_pmu_arch, { doc: 'The architecture\'s part.' }),
  ],
});

export default abiModule({
  name: 'pmu',
  xenHeader: 'pmu.h',
  xenGuard: '__XEN_PUBLIC_PMU_H__',
  coverage: 'full',
  doc: 'The virtual performance-monitoring unit: its sub-ops and modes, and the page Xen reports counter overflows in.',
  items: [
    XENPMU_VER_MAJ,
    XENPMU_VER_MIN,
    XENPMU,
    xen_pmu_params,
    XENPMU_MODE_OFF,
    XENPMU_MODE,
    XENPMU_FEATURE,
    xen_pmu_amd_ctxt,
    xen_pmu_cntr_pair,
    xen_pmu_intel_ctxt,
    xen_pmu_regs,
    PMU_FLAGS,
    XENPMU_REGS_PAD_SZ,
    XENPMU_CTXT_PAD_SZ,
    xen_pmu_arch,
    xen_pmu_data,
  ],
});
