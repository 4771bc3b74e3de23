/**
 * HVM parameters: the per-domain settings read and written with `HVMOP_get_param` and
 * `HVMOP_set_param` (`xen_hvm_param.index`), and the encodings of their values: how event
 * channels reach the guest (`HVM_PARAM_CALLBACK_IRQ`), the Viridian enlightenments, the timer
 * mode, the alternate-p2m mode and the machine-check capabilities.
 *
 * Numbers are never reused. Several parameters were retired over the releases; Xen still
 * declares their numbers, since 4.12 to 4.15 only for tools builds.
 */
import { ARM, X86, abiModule, constant, flag, flagSet, valueSet } from 'xenabi/dsl';

// ---- The parameters -------------------------------------------------------------------------

export const HVM_PARAM = valueSet('HVM_PARAM', {
  since: '4.6',
  field: 'xen_hvm_param.index',
  doc: 'The HVM parameters, by index. Each one\'s value is a uint64_t whose meaning the parameter\'s doc gives.',
  values: [
    constant('HVM_PARAM_CALLBACK_IRQ', 0, {
      since: '4.6',
      doc:
        'How vCPU 0 learns of pending event channels: 0 for not at all, else the delivery type in bits 63–56 ' +
        '(an HVM_PARAM_CALLBACK_TYPE_* value, selected with HVM_PARAM_CALLBACK_IRQ_TYPE_MASK) and its details below. ' +
        'GSI: the GSI in bits 55–0 (not 0). PCI INTx: PCI segment in bits 47–32, bus 31–16, devfn 15–8, INTx line 1–0. ' +
        'Vector (x86): the vector in bits 7–0. PPI (Arm): flags in bits 15–8, the PPI in bits 7–0. ' +
        'Example: 0x02000000000000f3 (vector 0xf3).',
    }),
    constant('HVM_PARAM_STORE_PFN', 1, { since: '4.6', doc: 'The guest frame of the xenstore ring page. Example: 0xfeffc.' }),
    constant('HVM_PARAM_STORE_EVTCHN', 2, { since: '4.6', doc: 'The event channel of the xenstore ring. Example: 1.' }),
    constant('HVM_PARAM_PAE_ENABLED', 4, { since: '4.6', toolsOnlySince: '4.14', doc: 'Retired: its meaning is undefined.' }),
    constant('HVM_PARAM_IOREQ_PFN', 5, { since: '4.6', doc: 'The guest frame of the default ioreq server\'s synchronous request page (a shared_iopage).' }),
    constant('HVM_PARAM_BUFIOREQ_PFN', 6, { since: '4.6', doc: 'The guest frame of the default ioreq server\'s buffered request ring (a buffered_iopage).' }),
    constant('HVM_PARAM_VIRIDIAN', 9, {
      since: '4.6',
      archs: [...X86],
      doc: 'The Viridian (Hyper-V) enlightenments offered to the guest: HVMPV_* bits; 0 offers none. Example: 0x1 (HVMPV_base_freq).',
    }),
    constant('HVM_PARAM_TIMER_MODE', 10, { since: '4.6', doc: 'How virtual timers treat ticks the guest missed: an HVMPTM_* value. Example: 1.' }),
    constant('HVM_PARAM_HPET_ENABLED', 11, { since: '4.6', doc: 'Boolean: emulate an HPET (x86).' }),
    constant('HVM_PARAM_IDENT_PT', 12, { since: '4.6', doc: 'The identity-map page directory Intel EPT uses while the guest runs with paging off.' }),
    constant('HVM_PARAM_DM_DOMAIN', 13, { since: '4.6', toolsOnlySince: '4.12', doc: 'Retired: its meaning is undefined.' }),
    constant('HVM_PARAM_ACPI_S_STATE', 14, { since: '4.6', doc: 'The ACPI sleep state: 0 for S0 (running), 3 for S3.' }),
    constant('HVM_PARAM_VM86_TSS', 15, { since: '4.6', doc: 'The TSS Intel VMX uses for real mode (replaced by HVM_PARAM_VM86_TSS_SIZED).' }),
    constant('HVM_PARAM_VPT_ALIGN', 16, { since: '4.6', doc: 'Boolean: align periodic virtual timers so fewer interrupts fire.' }),
    constant('HVM_PARAM_CONSOLE_PFN', 17, { since: '4.6', doc: 'The guest frame of the PV console ring.' }),
    constant('HVM_PARAM_CONSOLE_EVTCHN', 18, { since: '4.6', doc: 'The event channel of the PV console ring.' }),
    constant('HVM_PARAM_ACPI_IOPORTS_LOCATION', 19, {
      since: '4.6',
      doc: 'Where the emulated ACPI registers are: 0 for the original Xen ports, 1 for the QEMU-compatible ones (ACPI_*_V1 of ioreq.h).',
    }),
    constant('HVM_PARAM_MEMORY_EVENT_CR0', 20, { since: '4.6', toolsOnlySince: '4.14', doc: 'Retired: its meaning is undefined.' }),
    constant('HVM_PARAM_MEMORY_EVENT_CR3', 21, { since: '4.6', toolsOnlySince: '4.14', doc: 'Retired: its meaning is undefined.' }),
    constant('HVM_PARAM_MEMORY_EVENT_CR4', 22, { since: '4.6', toolsOnlySince: '4.14', doc: 'Retired: its meaning is undefined.' }),
    constant('HVM_PARAM_MEMORY_EVENT_INT3', 23, { since: '4.6', toolsOnlySince: '4.14', doc: 'Retired: its meaning is undefined.' }),
    constant('HVM_PARAM_NESTEDHVM', 24, { since: '4.6', toolsOnlySince: '4.15', doc: 'Retired (nested virtualisation is a domain creation flag now): its meaning is undefined.' }),
    constant('HVM_PARAM_MEMORY_EVENT_SINGLE_STEP', 25, { since: '4.6', toolsOnlySince: '4.14', doc: 'Retired: its meaning is undefined.' }),
    constant('HVM_PARAM_BUFIOREQ_EVTCHN', 26, { since: '4.6', toolsOnlySince: '4.12', doc: 'Retired (see XEN_DMOP_get_ioreq_server_info): its meaning is undefined.' }),
    constant('HVM_PARAM_PAGING_RING_PFN', 27, { since: '4.6', doc: 'The guest frame of the vm_event ring for paging.' }),
    constant('HVM_PARAM_MONITOR_RING_PFN', 28, { since: '4.6', doc: 'The guest frame of the vm_event ring for monitoring.' }),
    constant('HVM_PARAM_SHARING_RING_PFN', 29, { since: '4.6', doc: 'The guest frame of the vm_event ring for memory sharing.' }),
    constant('HVM_PARAM_MEMORY_EVENT_MSR', 30, { since: '4.6', toolsOnlySince: '4.14', doc: 'Retired: its meaning is undefined.' }),
    constant('HVM_PARAM_TRIPLE_FAULT_REASON', 31, { since: '4.6', doc: 'The SHUTDOWN_* reason Xen shuts the guest down with after a triple fault.' }),
    constant('HVM_PARAM_IOREQ_SERVER_PFN', 32, { since: '4.6', doc: 'The first of the guest frames set aside for ioreq server pages.' }),
    constant('HVM_PARAM_NR_IOREQ_SERVER_PAGES', 33, { since: '4.6', doc: 'How many guest frames are set aside for ioreq server pages.' }),
    constant('HVM_PARAM_VM_GENERATION_ID_ADDR', 34, { since: '4.6', doc: 'The guest physical address of the VM generation ID.' }),
    constant('HVM_PARAM_ALTP2M', 35, { since: '4.6', doc: 'Whether and how the domain uses alternate p2m views: an XEN_ALTP2M_* value (a boolean before 4.9).' }),
    constant('HVM_PARAM_X87_FIP_WIDTH', 36, {
      since: '4.7',
      doc: 'Bytes of the x87 instruction pointer saved and restored: 0 (FPU default), 4 or 8.',
    }),
    constant('HVM_PARAM_VM86_TSS_SIZED', 37, {
      since: '4.9',
      doc: 'The real-mode TSS of Intel VMX as an address in bits 31–0 and a size in bits 63–32.',
    }),
    constant('HVM_PARAM_MCA_CAP', 38, { since: '4.10', doc: 'Machine-check capabilities offered to the guest: XEN_HVM_MCA_CAP_* bits.' }),
  ],
});

export const HVM_NR_PARAMS = constant('HVM_NR_PARAMS', 36, {
  since: '4.6',
  history: [
    { since: '4.7', value: 37 },
    { since: '4.9', value: 38 },
    { since: '4.10', value: 39 },
  ],
  doc: 'One more than the highest parameter index of the release: how many slots Xen keeps. Example: 39 from 4.10.',
});

// ---- Event channel delivery ---------------------------------------------------------------

export const HVM_PARAM_CALLBACK_IRQ_TYPE_MASK = constant('HVM_PARAM_CALLBACK_IRQ_TYPE_MASK', 0xff00000000000000n, {
  since: '4.8',
  cType: 'unsigned long long',
  spelling: 'hex',
  doc: 'The bits of HVM_PARAM_CALLBACK_IRQ that hold the delivery type: 63–56.',
});

export const HVM_PARAM_CALLBACK_TYPE = valueSet('HVM_PARAM_CALLBACK_TYPE', {
  since: '4.7',
  doc: 'How event channels reach the guest: the value in bits 63–56 of HVM_PARAM_CALLBACK_IRQ. Type 2 is a vector on x86 and a PPI on Arm.',
  values: [
    constant('HVM_PARAM_CALLBACK_TYPE_GSI', 0, { since: '4.7', doc: 'A GSI of the emulated interrupt controller.' }),
    constant('HVM_PARAM_CALLBACK_TYPE_PCI_INTX', 1, { since: '4.7', doc: 'The INTx line of a PCI device (the Xen platform device).' }),
    constant('HVM_PARAM_CALLBACK_TYPE_VECTOR', 2, {
      since: '4.7',
      archs: [...X86],
      doc: 'An interrupt vector, delivered without an interrupt controller; XENFEAT_hvm_callback_vector says whether Xen offers it.',
    }),
    constant('HVM_PARAM_CALLBACK_TYPE_PPI', 2, {
      since: '4.7',
      archs: [...ARM],
      doc: 'A private peripheral interrupt; the interrupt controller masks and acknowledges it.',
    }),
  ],
});

export const HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_MASK = constant('HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_MASK', 0xff00, {
  since: '4.8',
  archs: [...ARM],
  spelling: 'hex',
  doc: 'For a PPI: the bits of HVM_PARAM_CALLBACK_IRQ holding its trigger flags (15–8). Bit 8 set means edge-triggered, bit 9 set active-low.',
});

export const HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL = constant('HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL', 2, {
  since: '4.8',
  archs: [...ARM],
  doc: 'For a PPI: the flag byte of an active-low, level-triggered interrupt.',
});

// ---- Viridian enlightenments --------------------------------------------------------------

export const HVMPV = flagSet('HVMPV', {
  since: '4.6',
  archs: [...X86],
  doc: 'The Viridian (Hyper-V) features HVM_PARAM_VIRIDIAN offers the guest (x86). HVMPV_base_freq is the base set the others build on.',
  flags: [
    flag('HVMPV_base_freq', 0, { bitConstant: '_HVMPV_base_freq', cType: 'int', since: '4.6', archs: [...X86], doc: 'The base set, with the timer frequency MSRs.' }),
    flag('HVMPV_no_freq', 1, { bitConstant: '_HVMPV_no_freq', cType: 'int', since: '4.6', archs: [...X86], doc: 'Leave out the timer frequency MSRs.' }),
    flag('HVMPV_time_ref_count', 2, { bitConstant: '_HVMPV_time_ref_count', cType: 'int', since: '4.6', archs: [...X86], doc: 'The partition reference counter.' }),
    flag('HVMPV_reference_tsc', 3, { bitConstant: '_HVMPV_reference_tsc', cType: 'int', since: '4.6', archs: [...X86], doc: 'The reference TSC page.' }),
    flag('HVMPV_hcall_remote_tlb_flush', 4, {
      bitConstant: '_HVMPV_hcall_remote_tlb_flush',
      cType: 'int',
      since: '4.7',
      archs: [...X86],
      doc: 'Remote TLB flushes by hypercall.',
    }),
    flag('HVMPV_apic_assist', 5, { bitConstant: '_HVMPV_apic_assist', cType: 'int', since: '4.7', archs: [...X86], doc: 'APIC assist (end of interrupt without an exit).' }),
    flag('HVMPV_crash_ctl', 6, { bitConstant: '_HVMPV_crash_ctl', cType: 'int', since: '4.9', archs: [...X86], doc: 'The crash-reporting MSRs.' }),
    flag('HVMPV_synic', 7, { bitConstant: '_HVMPV_synic', cType: 'int', since: '4.13', archs: [...X86], doc: 'The synthetic interrupt controller.' }),
    flag('HVMPV_stimer', 8, { bitConstant: '_HVMPV_stimer', cType: 'int', since: '4.13', archs: [...X86], doc: 'The synthetic timers.' }),
    flag('HVMPV_hcall_ipi', 9, { bitConstant: '_HVMPV_hcall_ipi', cType: 'int', since: '4.13', archs: [...X86], doc: 'Cluster IPIs by hypercall.' }),
    flag('HVMPV_ex_processor_masks', 10, {
      bitConstant: '_HVMPV_ex_processor_masks',
      cType: 'int',
      since: '4.15',
      archs: [...X86],
      doc: 'Processor sets beyond 64 vCPUs in flush and IPI hypercalls.',
    }),
    flag('HVMPV_no_vp_limit', 11, { bitConstant: '_HVMPV_no_vp_limit', cType: 'int', since: '4.15', archs: [...X86], doc: 'Allow more than 64 vCPUs.' }),
    flag('HVMPV_cpu_hotplug', 12, { bitConstant: '_HVMPV_cpu_hotplug', cType: 'int', since: '4.15', archs: [...X86], doc: 'vCPU hotplug.' }),
  ],
});

export const HVMPV_feature_mask = constant('HVMPV_feature_mask', 0xf, {
  since: '4.6',
  archs: [...X86],
  history: [
    { since: '4.7', value: 0x3f },
    { since: '4.9', value: 0x7f },
    { since: '4.13', value: 0x3ff },
    { since: '4.15', value: 0x1fff },
  ],
  spelling: 'hex',
  doc: 'Every HVMPV_* bit of the release OR-ed together: what HVM_PARAM_VIRIDIAN accepts. Example: 0x1fff from 4.15.',
});

// ---- Timers, alternate p2m, machine checks ------------------------------------------------

export const HVMPTM = valueSet('HVMPTM', {
  since: '4.6',
  doc: 'The values of HVM_PARAM_TIMER_MODE: what virtual timers do with ticks the guest missed while descheduled.',
  values: [
    constant('HVMPTM_delay_for_missed_ticks', 0, { since: '4.6', doc: 'Deliver them late, one by one; guest time falls behind meanwhile.' }),
    constant('HVMPTM_no_delay_for_missed_ticks', 1, { since: '4.6', doc: 'Deliver them one by one, with guest time kept at real time.' }),
    constant('HVMPTM_no_missed_ticks_pending', 2, { since: '4.6', doc: 'Drop them; guest time stays real time.' }),
    constant('HVMPTM_one_missed_tick_pending', 3, { since: '4.6', doc: 'Deliver one tick for all of them; guest time stays real time.' }),
  ],
});

export const XEN_ALTP2M = valueSet('XEN_ALTP2M', {
  since: '4.9',
  doc: 'The values of HVM_PARAM_ALTP2M: who may manage the domain\'s alternate p2m views.',
  values: [
    constant('XEN_ALTP2M_disabled', 0, { since: '4.9', doc: 'No alternate p2m.' }),
    constant('XEN_ALTP2M_mixed', 1, { since: '4.9', doc: 'The guest and an external agent both may.' }),
    constant('XEN_ALTP2M_external', 2, { since: '4.9', doc: 'Only an external agent may.' }),
    constant('XEN_ALTP2M_limited', 3, { since: '4.9', doc: 'An external agent manages them; the guest may only switch views.' }),
  ],
});

export const XEN_HVM_MCA_CAP = flagSet('XEN_HVM_MCA_CAP', {
  since: '4.10',
  doc: 'The machine-check capabilities HVM_PARAM_MCA_CAP offers the guest.',
  flags: [flag('XEN_HVM_MCA_CAP_LMCE', 0, { since: '4.10', cType: 'unsigned long long', doc: 'Local machine-check exceptions, delivered to one vCPU only.' })],
});

export const XEN_HVM_MCA_CAP_MASK = constant('XEN_HVM_MCA_CAP_MASK', 0x1, {
  since: '4.10',
  cType: 'unsigned long long',
  spelling: 'hex',
  doc: 'Every XEN_HVM_MCA_CAP_* bit OR-ed together: what HVM_PARAM_MCA_CAP accepts.',
});

export default abiModule({
  name: 'params',
  xenHeader: 'hvm/params.h',
  xenGuard: '__XEN_PUBLIC_HVM_PARAMS_H__',
  coverage: 'full',
  doc: 'HVM parameters and the encodings of their values.',
  items: [
    HVM_PARAM,
    HVM_NR_PARAMS,
    HVM_PARAM_CALLBACK_IRQ_TYPE_MASK,
    HVM_PARAM_CALLBACK_TYPE,
    HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_MASK,
    HVM_PARAM_CALLBACK_TYPE_PPI_FLAG_LOW_LEVEL,
    HVMPV,
    HVMPV_feature_mask,
    HVMPTM,
    XEN_ALTP2M,
    XEN_HVM_MCA_CAP,
    XEN_HVM_MCA_CAP_MASK,
  ],
});
